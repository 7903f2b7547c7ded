namespace RevitPerf.PowerShell;

/// <summary>What the argument completers insert for a name.</summary>
internal static class CompletionText
{
    /// <summary><paramref name="name"/>, single-quoted when it holds a character PowerShell would parse.</summary>
    public static string For(string name) =>
        name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
}
