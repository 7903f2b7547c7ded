using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text;

namespace RevitPerf.PowerShell;

/// <summary>
/// A script block's <c>$using:</c> variables, as ForEach-Object -Parallel and Start-ThreadJob give them: each is read
/// once from the caller's scope, and the block's text is rewritten to find it in a dictionary
/// (<c>$__RevitPerfUsing['name']</c>) that whoever runs the block (another runspace, or the caller's) defines. Values are
/// shared, not copied: in parallel, treat them as read-only.
/// </summary>
internal sealed class UsingVariables
{
    /// <summary>The variable that holds the values where the rewritten block runs.</summary>
    public const string DictionaryName = "__RevitPerfUsing";

    private UsingVariables(ScriptBlock original, string text, Hashtable values)
    {
        Original = original;
        Text = text;
        Values = values;
    }

    /// <summary>The block as given.</summary>
    public ScriptBlock Original { get; }

    /// <summary>The block's text (without its braces), rewritten when it has <c>$using:</c> variables.</summary>
    public string Text { get; }

    /// <summary>The values, by variable path; empty when the block has none.</summary>
    public Hashtable Values { get; }

    /// <summary>True when the block has <c>$using:</c> variables.</summary>
    public bool Any => Values.Count > 0;

    /// <summary>
    /// Reads the <c>$using:</c> variables of <paramref name="block"/> from <paramref name="caller"/>; a variable that is
    /// not set there is an error naming it (as with ForEach-Object -Parallel).
    /// </summary>
    /// <exception cref="ArgumentException">A <c>$using:</c> variable is not set in the caller's scope.</exception>
    public static UsingVariables Read(ScriptBlock block, SessionState caller)
    {
        var ast = (block ?? throw new ArgumentNullException(nameof(block))).Ast;
        var text = new StringBuilder(ast.Extent.Text);
        var origin = ast.Extent.StartOffset;
        var values = new Hashtable(StringComparer.OrdinalIgnoreCase);
        var usings = ast.FindAll(a => a is UsingExpressionAst, searchNestedScriptBlocks: true).Cast<UsingExpressionAst>()
            .OrderByDescending(u => u.Extent.StartOffset).ToList();
        foreach (var use in usings)
        {
            var path = UsingExpressionAst.ExtractUsingVariable(use).VariablePath.UserPath;
            if (!values.ContainsKey(path))
            {
                var variable = caller.PSVariable.Get(path)
                    ?? throw new ArgumentException($"The value of the using variable '$using:{path}' cannot be read: there is no variable '{path}' in the caller's scope.");
                values[path] = variable.Value;
            }

            text.Remove(use.Extent.StartOffset - origin, use.Extent.EndOffset - use.Extent.StartOffset)
                .Insert(use.Extent.StartOffset - origin, "$" + DictionaryName + "['" + path.Replace("'", "''") + "']");
        }

        // A literal { ... } comes with its braces; the block to create is what they enclose.
        var body = text.ToString();
        if (ast.Parent is ScriptBlockExpressionAst && body.StartsWith("{", StringComparison.Ordinal) && body.EndsWith("}", StringComparison.Ordinal))
        {
            body = body.Substring(1, body.Length - 2);
        }

        return new UsingVariables(block, body, values);
    }

    /// <summary>The block to run in the caller's runspace: the original unless it had to be rewritten.</summary>
    public ScriptBlock ForCaller() => Any ? ScriptBlock.Create(Text) : Original;
}
