using System;
using System.Linq;
using Npgsql;

namespace RevitPerf.Core.Storage;

/// <summary>
/// A PostgreSQL location as Npgsql's connection string (<c>Host=...;Database=...</c>) or a <c>postgresql://</c> URI,
/// and its description without the password. A password is best kept out of both: Npgsql reads PGPASSWORD and
/// PGPASSFILE (or <c>Passfile=</c>) on its own.
/// </summary>
public static class PostgreSqlLocation
{
    /// <summary>The Npgsql connection string of <paramref name="location"/>.</summary>
    /// <exception cref="ArgumentException">Not a connection string or URI Npgsql understands (the message never repeats it).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            throw new ArgumentException("The PostgreSQL location is empty.", nameof(location));
        }

        var text = location.Trim();
        try
        {
            return text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                ? FromUri(text)
                : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or InvalidOperationException or NotSupportedException)
        {
            // The inner message may quote the text, password and all: it is not passed on.
            throw new ArgumentException("The PostgreSQL location is not a connection string (Host=...;Database=...) or postgresql:// URI that Npgsql understands.", nameof(location));
        }
    }

    /// <summary>"PostgreSQL ci@db.example:5432/perf": what a person may see of a location.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return $"PostgreSQL {user}{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = Uri.UnescapeDataString(uri.Host) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(new[] { ':' }, 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(new[] { '=' }, 2)))
        {
            var key = Uri.UnescapeDataString(pair[0]);
            builder[key switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                _ => key,
            }] = pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : string.Empty;
        }

        return builder;
    }
}
