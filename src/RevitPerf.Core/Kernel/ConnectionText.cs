using System;

namespace RevitPerf.Core.Kernel;

/// <summary>Whether a connection string (<c>key=value;...</c>) or URI (<c>scheme://user:password@host</c>) holds a password.</summary>
internal static class ConnectionText
{
    internal static bool HoldsPassword(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text!.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var rest = value.Substring(scheme + 3);
            var at = rest.IndexOf('@');
            var slash = rest.IndexOf('/');
            return at > 0 && (slash < 0 || at < slash) && rest.Substring(0, at).IndexOf(':') >= 0;
        }

        foreach (var pair in value.Split(';'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0)
            {
                var key = pair.Substring(0, equals).Trim();
                if ((key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                    && pair.Substring(equals + 1).Trim().Length > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
