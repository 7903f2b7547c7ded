namespace RevitPerf.Core.Storage;

/// <summary>
/// The PostgreSQL store's tables, created (and migrated) by the module on first use, versioned in revitperf_schema.
/// One row per run, one per benchmark of a run with all its samples: a Grafana PostgreSQL data source charts
/// <c>SELECT r.run_time AS time, b.median_ms, r.machine FROM revitperf_runs r JOIN revitperf_benchmarks b USING (run_id)</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    internal const int Version = 2;

    // Two publishers meeting an empty database both try to create it: the advisory lock lets one at a time.
    internal const string Lock = "SELECT pg_advisory_xact_lock(727001)";

    // Two statements: a query naming a table that does not exist fails when it is parsed, whatever its CASE says.
    internal const string SchemaExists = "SELECT to_regclass('revitperf_schema') IS NOT NULL";

    internal const string CurrentVersion = "SELECT coalesce(max(version), 0) FROM revitperf_schema";

    internal static readonly string[] Migrations =
    {
        // Version 1.
        @"CREATE TABLE IF NOT EXISTS revitperf_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS revitperf_runs (
    run_id text PRIMARY KEY,
    run_time timestamptz NOT NULL,
    machine text NOT NULL,
    user_name text NOT NULL,
    powershell_version text NOT NULL,
    powershell_edition text NOT NULL,
    module_version text NOT NULL,
    revit_version text,
    tags text[] NOT NULL DEFAULT '{}',
    published_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS revitperf_benchmarks (
    run_id text NOT NULL REFERENCES revitperf_runs (run_id) ON DELETE CASCADE,
    suite text NOT NULL,
    name text NOT NULL,
    mean_ms double precision NOT NULL,
    median_ms double precision NOT NULL,
    p95_ms double precision NOT NULL,
    ops_per_second double precision NOT NULL,
    allocated_bytes_per_op double precision,
    iterations integer NOT NULL,
    samples_ms double precision[] NOT NULL,
    PRIMARY KEY (run_id, suite, name));
CREATE INDEX IF NOT EXISTS revitperf_runs_time ON revitperf_runs (run_time);
CREATE INDEX IF NOT EXISTS revitperf_benchmarks_name ON revitperf_benchmarks (suite, name);
INSERT INTO revitperf_schema (version) VALUES (1) ON CONFLICT DO NOTHING;",

        // Version 2: memory snapshots and Revit journal sessions.
        @"CREATE TABLE IF NOT EXISTS revitperf_memory_snapshots (
    machine text NOT NULL,
    monitor text NOT NULL,
    process_id integer NOT NULL,
    process_name text NOT NULL,
    snapshot_time timestamptz NOT NULL,
    working_set_mb double precision NOT NULL,
    private_memory_mb double precision NOT NULL,
    managed_heap_mb double precision,
    handle_count integer NOT NULL,
    thread_count integer NOT NULL,
    user_name text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (machine, monitor, process_id, snapshot_time));
CREATE TABLE IF NOT EXISTS revitperf_journal_sessions (
    machine text NOT NULL,
    journal_path text NOT NULL,
    revit_version text,
    build text,
    started_at timestamp,
    ended_at timestamp,
    ended_cleanly boolean NOT NULL,
    models_opened integer NOT NULL,
    commands integer NOT NULL,
    dialogs integer NOT NULL,
    peak_ram_mb double precision,
    peak_vm_mb double precision,
    memory_samples integer NOT NULL,
    slowest_operation text,
    slowest_operation_seconds double precision,
    user_name text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (machine, journal_path));
INSERT INTO revitperf_schema (version) VALUES (2) ON CONFLICT DO NOTHING;",
    };

    internal const string InsertSnapshot = @"INSERT INTO revitperf_memory_snapshots (machine, monitor, process_id, process_name, snapshot_time, working_set_mb, private_memory_mb, managed_heap_mb, handle_count, thread_count, user_name, tags)
VALUES (@machine, @monitor, @process_id, @process_name, @snapshot_time, @working_set_mb, @private_memory_mb, @managed_heap_mb, @handle_count, @thread_count, @user_name, @tags)
ON CONFLICT DO NOTHING";

    // A session still running when first published has grown since: the row is refreshed (xmax = 0 tells a new row).
    internal const string UpsertSession = @"INSERT INTO revitperf_journal_sessions (machine, journal_path, revit_version, build, started_at, ended_at, ended_cleanly, models_opened, commands, dialogs, peak_ram_mb, peak_vm_mb, memory_samples, slowest_operation, slowest_operation_seconds, user_name, tags)
VALUES (@machine, @journal_path, @revit_version, @build, @started_at, @ended_at, @ended_cleanly, @models_opened, @commands, @dialogs, @peak_ram_mb, @peak_vm_mb, @memory_samples, @slowest_operation, @slowest_operation_seconds, @user_name, @tags)
ON CONFLICT (machine, journal_path) DO UPDATE SET revit_version = EXCLUDED.revit_version, build = EXCLUDED.build, started_at = EXCLUDED.started_at,
    ended_at = EXCLUDED.ended_at, ended_cleanly = EXCLUDED.ended_cleanly, models_opened = EXCLUDED.models_opened, commands = EXCLUDED.commands,
    dialogs = EXCLUDED.dialogs, peak_ram_mb = EXCLUDED.peak_ram_mb, peak_vm_mb = EXCLUDED.peak_vm_mb, memory_samples = EXCLUDED.memory_samples,
    slowest_operation = EXCLUDED.slowest_operation, slowest_operation_seconds = EXCLUDED.slowest_operation_seconds, published_at = now()
RETURNING (xmax = 0)";

    internal const string InsertRun = @"INSERT INTO revitperf_runs (run_id, run_time, machine, user_name, powershell_version, powershell_edition, module_version, revit_version, tags)
VALUES (@run_id, @run_time, @machine, @user_name, @powershell_version, @powershell_edition, @module_version, @revit_version, @tags)
ON CONFLICT (run_id) DO NOTHING";

    internal const string InsertBenchmark = @"INSERT INTO revitperf_benchmarks (run_id, suite, name, mean_ms, median_ms, p95_ms, ops_per_second, allocated_bytes_per_op, iterations, samples_ms)
VALUES (@run_id, @suite, @name, @mean_ms, @median_ms, @p95_ms, @ops_per_second, @allocated_bytes_per_op, @iterations, @samples_ms)";

    internal const string History = @"SELECT r.run_id, r.run_time, r.machine, r.user_name, r.powershell_version, r.module_version, r.revit_version, r.tags,
       b.suite, b.name, b.mean_ms, b.median_ms, b.p95_ms, b.ops_per_second, b.allocated_bytes_per_op, b.iterations
FROM revitperf_runs r JOIN revitperf_benchmarks b ON b.run_id = r.run_id
WHERE @since::timestamptz IS NULL OR r.run_time >= @since
ORDER BY r.run_time, r.run_id, b.suite, b.name";
}
