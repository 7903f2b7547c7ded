namespace RevitPerf.Core.Storage;

/// <summary>
/// The PostgreSQL store's tables, created (and migrated) by the module on first use, versioned in revitperf_schema.
/// One row per run, one per benchmark of a run with all its samples: a Grafana PostgreSQL data source charts
/// <c>SELECT r.run_time AS time, b.median_ms, r.machine FROM revitperf_runs r JOIN revitperf_benchmarks b USING (run_id)</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    internal const int Version = 1;

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
    };

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
