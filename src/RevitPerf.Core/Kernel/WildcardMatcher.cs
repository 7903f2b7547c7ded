using System;
using System.Text;
using System.Text.RegularExpressions;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// PowerShell-style wildcards for keys and names: <c>*</c>, <c>?</c>, <c>[abc]</c> and <c>[a-z]</c>, with a
/// backtick escaping the next character. Case-sensitive for keys (keys are ordinal), insensitive for names. A
/// pattern that cannot be matched (a range such as <c>[z-a]</c>) is refused with <see cref="InvalidWildcardPatternException"/>.
/// </summary>
public sealed class WildcardMatcher
{
    private readonly Regex? _regex;
    private readonly string _literal;
    private readonly StringComparison _comparison;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public WildcardMatcher(string pattern, bool ignoreCase)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        IsLiteral = !HasWildcards(pattern);
        _literal = IsLiteral ? Unescape(pattern) : string.Empty;
        if (!IsLiteral)
        {
            try
            {
                _regex = new Regex(
                    ToRegex(pattern),
                    RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
            }
            catch (ArgumentException ex)
            {
                // The regular expression is ours; what it refuses is a character set of the pattern (a reversed range).
                throw new InvalidWildcardPatternException(pattern, ex);
            }
        }
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>True when the pattern has no wildcard, so it names one key exactly.</summary>
    public bool IsLiteral { get; }

    /// <summary>The key a literal pattern names (escapes removed).</summary>
    public string Literal => _literal;

    /// <summary>True when the pattern contains an unescaped wildcard character.</summary>
    public static bool HasWildcards(string pattern)
    {
        for (var i = 0; i < (pattern ?? string.Empty).Length; i++)
        {
            switch (pattern![i])
            {
                case '`':
                    i++;
                    break;
                case '*' or '?' or '[':
                    return true;
            }
        }

        return false;
    }

    /// <summary>A pattern that matches <paramref name="literal"/> and nothing else (its wildcard characters escaped).</summary>
    public static string Escape(string literal)
    {
        var builder = new StringBuilder((literal ?? throw new ArgumentNullException(nameof(literal))).Length);
        foreach (var c in literal)
        {
            if (c is '*' or '?' or '[' or ']' or '`')
            {
                builder.Append('`');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> matches the whole pattern.</summary>
    public bool IsMatch(string text) => IsLiteral ? string.Equals(text, _literal, _comparison) : _regex!.IsMatch(text);

    private static string Unescape(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '`' && i + 1 < pattern.Length)
            {
                i++;
            }

            builder.Append(pattern[i]);
        }

        return builder.ToString();
    }

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    builder.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    builder.Append(".*");
                    break;
                case '?':
                    builder.Append('.');
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }

                    var set = pattern.Substring(i + 1, end - i - 1).Replace(@"\", @"\\").Replace("^", @"\^");
                    builder.Append('[').Append(set).Append(']');
                    i = end;
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return builder.Append('$').ToString();
    }
}
