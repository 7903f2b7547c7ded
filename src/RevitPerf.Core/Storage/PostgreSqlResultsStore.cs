using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;
using NpgsqlTypes;

namespace RevitPerf.Core.Storage;

/// <summary>
/// The fleet's store: runs in PostgreSQL, one transaction per run, parameterised SQL only, the schema created and
/// migrated on first use. A run already stored (by id) is not stored again, whoever publishes it, however often.
/// TLS is used when the server offers it (Npgsql's SslMode=Prefer) unless the location says otherwise.
/// </summary>
public sealed class PostgreSqlResultsStore : IResultsStore
{
    private readonly string _connectionString;
    private bool _schemaChecked;

    /// <summary>Opens the store at <paramref name="location"/> (a connection string or postgresql:// URI).</summary>
    public PostgreSqlResultsStore(string location)
    {
        var builder = PostgreSqlLocation.Parse(location);
        Description = PostgreSqlLocation.Describe(builder);

        if (!ContainsKey(location, "Timeout") && !ContainsKey(location, "connect_timeout"))
        {
            builder.Timeout = 10;
        }

        _connectionString = builder.ConnectionString;
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public bool Publish(ResultsRun run)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var insertRun = new NpgsqlCommand(PostgreSqlSchema.InsertRun, connection, transaction);
            insertRun.Parameters.Add(new NpgsqlParameter("run_id", NpgsqlDbType.Text) { Value = run.RunId });
            insertRun.Parameters.Add(new NpgsqlParameter("run_time", NpgsqlDbType.TimestampTz) { Value = run.TimeUtc });
            insertRun.Parameters.Add(new NpgsqlParameter("machine", NpgsqlDbType.Text) { Value = run.Machine });
            insertRun.Parameters.Add(new NpgsqlParameter("user_name", NpgsqlDbType.Text) { Value = run.User });
            insertRun.Parameters.Add(new NpgsqlParameter("powershell_version", NpgsqlDbType.Text) { Value = run.PowerShellVersion });
            insertRun.Parameters.Add(new NpgsqlParameter("powershell_edition", NpgsqlDbType.Text) { Value = run.PowerShellEdition });
            insertRun.Parameters.Add(new NpgsqlParameter("module_version", NpgsqlDbType.Text) { Value = run.ModuleVersion });
            insertRun.Parameters.Add(new NpgsqlParameter("revit_version", NpgsqlDbType.Text) { Value = (object?)run.RevitVersion ?? DBNull.Value });
            insertRun.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = run.Tags.ToArray() });
            if (insertRun.ExecuteNonQuery() == 0)
            {
                transaction.Rollback();
                return false;
            }

            using var insertBenchmark = new NpgsqlCommand(PostgreSqlSchema.InsertBenchmark, connection, transaction);
            var p = insertBenchmark.Parameters;
            p.Add(new NpgsqlParameter("run_id", NpgsqlDbType.Text) { Value = run.RunId });
            var suite = p.Add(new NpgsqlParameter("suite", NpgsqlDbType.Text));
            var name = p.Add(new NpgsqlParameter("name", NpgsqlDbType.Text));
            var mean = p.Add(new NpgsqlParameter("mean_ms", NpgsqlDbType.Double));
            var median = p.Add(new NpgsqlParameter("median_ms", NpgsqlDbType.Double));
            var p95 = p.Add(new NpgsqlParameter("p95_ms", NpgsqlDbType.Double));
            var ops = p.Add(new NpgsqlParameter("ops_per_second", NpgsqlDbType.Double));
            var allocated = p.Add(new NpgsqlParameter("allocated_bytes_per_op", NpgsqlDbType.Double));
            var iterations = p.Add(new NpgsqlParameter("iterations", NpgsqlDbType.Integer));
            var samples = p.Add(new NpgsqlParameter("samples_ms", NpgsqlDbType.Array | NpgsqlDbType.Double));
            foreach (var b in run.Benchmarks)
            {
                suite.Value = b.Suite;
                name.Value = b.Name;
                mean.Value = b.MeanMs;
                median.Value = b.MedianMs;
                p95.Value = b.P95Ms;
                ops.Value = b.OpsPerSecond;
                allocated.Value = (object?)b.AllocatedBytesPerOp ?? DBNull.Value;
                iterations.Value = b.Iterations;
                samples.Value = b.SamplesMs.ToArray();
                insertBenchmark.ExecuteNonQuery();
            }

            transaction.Commit();
            return true;
        });
    }

    /// <inheritdoc/>
    public int PublishSnapshots(string machine, string user, IReadOnlyList<string> tags, IReadOnlyList<Memory.MemorySnapshot> snapshots)
    {
        if (snapshots is null || snapshots.Count == 0)
        {
            return 0;
        }

        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var insert = new NpgsqlCommand(PostgreSqlSchema.InsertSnapshot, connection, transaction);
            var p = insert.Parameters;
            p.Add(new NpgsqlParameter("machine", NpgsqlDbType.Text) { Value = machine });
            var monitor = p.Add(new NpgsqlParameter("monitor", NpgsqlDbType.Text));
            var processId = p.Add(new NpgsqlParameter("process_id", NpgsqlDbType.Integer));
            var processName = p.Add(new NpgsqlParameter("process_name", NpgsqlDbType.Text));
            var time = p.Add(new NpgsqlParameter("snapshot_time", NpgsqlDbType.TimestampTz));
            var workingSet = p.Add(new NpgsqlParameter("working_set_mb", NpgsqlDbType.Double));
            var privateMemory = p.Add(new NpgsqlParameter("private_memory_mb", NpgsqlDbType.Double));
            var heap = p.Add(new NpgsqlParameter("managed_heap_mb", NpgsqlDbType.Double));
            var handles = p.Add(new NpgsqlParameter("handle_count", NpgsqlDbType.Integer));
            var threads = p.Add(new NpgsqlParameter("thread_count", NpgsqlDbType.Integer));
            p.Add(new NpgsqlParameter("user_name", NpgsqlDbType.Text) { Value = user });
            p.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tags.ToArray() });
            var added = 0;
            foreach (var s in snapshots)
            {
                monitor.Value = s.Monitor;
                processId.Value = s.ProcessId;
                processName.Value = s.ProcessName;
                time.Value = s.Timestamp.Kind == DateTimeKind.Utc ? s.Timestamp : s.Timestamp.ToUniversalTime();
                workingSet.Value = s.WorkingSetMB;
                privateMemory.Value = s.PrivateMemoryMB;
                heap.Value = (object?)s.ManagedHeapMB ?? DBNull.Value;
                handles.Value = s.HandleCount;
                threads.Value = s.ThreadCount;
                added += insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        });
    }

    /// <inheritdoc/>
    public bool PublishSession(string machine, string user, IReadOnlyList<string> tags, Journals.JournalSession session)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        return Run(connection =>
        {
            using var upsert = new NpgsqlCommand(PostgreSqlSchema.UpsertSession, connection);
            var p = upsert.Parameters;
            p.Add(new NpgsqlParameter("machine", NpgsqlDbType.Text) { Value = machine });
            p.Add(new NpgsqlParameter("journal_path", NpgsqlDbType.Text) { Value = session.Path });
            p.Add(new NpgsqlParameter("revit_version", NpgsqlDbType.Text) { Value = (object?)session.RevitVersion ?? DBNull.Value });
            p.Add(new NpgsqlParameter("build", NpgsqlDbType.Text) { Value = (object?)session.Build ?? DBNull.Value });
            p.Add(new NpgsqlParameter("started_at", NpgsqlDbType.Timestamp) { Value = session.StartedAt is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Unspecified) : DBNull.Value });
            p.Add(new NpgsqlParameter("ended_at", NpgsqlDbType.Timestamp) { Value = session.EndedAt is { } b ? DateTime.SpecifyKind(b, DateTimeKind.Unspecified) : DBNull.Value });
            p.Add(new NpgsqlParameter("ended_cleanly", NpgsqlDbType.Boolean) { Value = session.EndedCleanly });
            p.Add(new NpgsqlParameter("models_opened", NpgsqlDbType.Integer) { Value = session.ModelsOpened });
            p.Add(new NpgsqlParameter("commands", NpgsqlDbType.Integer) { Value = session.Commands });
            p.Add(new NpgsqlParameter("dialogs", NpgsqlDbType.Integer) { Value = session.Dialogs });
            p.Add(new NpgsqlParameter("peak_ram_mb", NpgsqlDbType.Double) { Value = (object?)session.PeakRamMB ?? DBNull.Value });
            p.Add(new NpgsqlParameter("peak_vm_mb", NpgsqlDbType.Double) { Value = (object?)session.PeakVmMB ?? DBNull.Value });
            p.Add(new NpgsqlParameter("memory_samples", NpgsqlDbType.Integer) { Value = session.MemorySamples });
            p.Add(new NpgsqlParameter("slowest_operation", NpgsqlDbType.Text) { Value = (object?)session.SlowestOperation ?? DBNull.Value });
            p.Add(new NpgsqlParameter("slowest_operation_seconds", NpgsqlDbType.Double) { Value = (object?)session.SlowestOperationSeconds ?? DBNull.Value });
            p.Add(new NpgsqlParameter("user_name", NpgsqlDbType.Text) { Value = user });
            p.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tags.ToArray() });
            return (bool)upsert.ExecuteScalar()!;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<BenchmarkHistoryRow> ReadHistory(HistoryQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return Run(connection =>
        {
            using var command = new NpgsqlCommand(PostgreSqlSchema.History, connection);
            command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = query.SinceUtc is { } since ? DateTime.SpecifyKind(since, DateTimeKind.Utc) : DBNull.Value });
            var rows = new List<BenchmarkHistoryRow>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var tags = reader.GetFieldValue<string[]>(7);
                var row = new BenchmarkHistoryRow
                {
                    RunId = reader.GetString(0),
                    Time = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                    Machine = reader.GetString(2),
                    User = reader.GetString(3),
                    PowerShellVersion = reader.GetString(4),
                    ModuleVersion = reader.GetString(5),
                    RevitVersion = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Tags = string.Join(",", tags),
                    Suite = reader.GetString(8),
                    Name = reader.GetString(9),
                    MeanMs = reader.GetDouble(10),
                    MedianMs = reader.GetDouble(11),
                    P95Ms = reader.GetDouble(12),
                    OpsPerSecond = reader.GetDouble(13),
                    AllocatedBytesPerOp = reader.IsDBNull(14) ? null : reader.GetDouble(14),
                    Iterations = reader.GetInt32(15),
                };
                if (query.Matches(row, tags))
                {
                    rows.Add(row);
                }
            }

            return (IReadOnlyList<BenchmarkHistoryRow>)rows;
        });
    }

    private static bool ContainsKey(string location, string key) => location.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0;

    private T Run<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            try
            {
                return Attempt(work);
            }
            catch (NpgsqlException ex) when (ex is not PostgresException)
            {
                // A pooled connection to a server that restarted fails on first use: the pool is emptied and the work
                // (idempotent: a run is stored by id, in one transaction) tried once more on a new connection.
                using (var stale = new NpgsqlConnection(_connectionString))
                {
                    NpgsqlConnection.ClearPool(stale);
                }

                return Attempt(work);
            }
        }
        catch (PostgresException ex)
        {
            throw new ResultsStoreException(FailureOf(ex.SqlState), $"{Description}: {ex.SqlState} {ex.MessageText}", ex);
        }
        catch (NpgsqlException ex)
        {
            // No server, a refused or dropped connection, a timeout: nothing was stored (the transaction is gone with it).
            throw new ResultsStoreException(ResultsStoreFailure.Unreachable, $"{Description} cannot be reached: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or System.IO.IOException or TimeoutException)
        {
            throw new ResultsStoreException(ResultsStoreFailure.Unreachable, $"{Description} cannot be reached: {ex.Message}", ex);
        }
    }

    private T Attempt<T>(Func<NpgsqlConnection, T> work)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        EnsureSchema(connection);
        return work(connection);
    }

    private void EnsureSchema(NpgsqlConnection connection)
    {
        if (_schemaChecked)
        {
            return;
        }

        // A least-privilege role (insert and select only) finds the schema current and never needs to create anything.
        var version = Version(connection, null);
        if (version > PostgreSqlSchema.Version)
        {
            throw new ResultsStoreException(ResultsStoreFailure.SchemaTooNew, $"{Description} has RevitPerf schema {version}; this RevitPerf knows up to {PostgreSqlSchema.Version}. Update RevitPerf.");
        }

        if (version < PostgreSqlSchema.Version)
        {
            using var transaction = connection.BeginTransaction();
            using (var lockCommand = new NpgsqlCommand(PostgreSqlSchema.Lock, connection, transaction))
            {
                lockCommand.ExecuteNonQuery();
            }

            var current = Version(connection, transaction);
            for (var v = current; v < PostgreSqlSchema.Migrations.Length; v++)
            {
                using var migrate = new NpgsqlCommand(PostgreSqlSchema.Migrations[v], connection, transaction);
                migrate.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _schemaChecked = true;
    }

    private static int Version(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using (var exists = new NpgsqlCommand(PostgreSqlSchema.SchemaExists, connection, transaction))
        {
            if (!(bool)exists.ExecuteScalar()!)
            {
                return 0;
            }
        }

        using var command = new NpgsqlCommand(PostgreSqlSchema.CurrentVersion, connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ResultsStoreFailure FailureOf(string state) => state switch
    {
        "28P01" or "28000" => ResultsStoreFailure.AuthenticationFailed,
        "42501" => ResultsStoreFailure.PermissionDenied,
        "3D000" => ResultsStoreFailure.NotFound,
        "57P01" or "57P02" or "57P03" or "08000" or "08003" or "08006" or "08001" or "08004" => ResultsStoreFailure.Unreachable,
        _ => ResultsStoreFailure.Failed,
    };
}
