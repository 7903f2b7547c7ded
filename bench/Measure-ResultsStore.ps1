<#
.SYNOPSIS
    Measures the results stores: publish throughput (runs per second, 10 benchmarks of 100 samples each) and a history
    query over 100,000 stored rows, for PostgreSQL and for a folder.
.DESCRIPTION
    Without -Store, starts a throwaway PostgreSQL server (build/TestPostgres.psm1, as the tests do) and removes it
    after. Publishes -Runs runs one after another through PostgreSqlResultsStore (a connection and a transaction per
    run), then fills the database to -Rows rows with SQL (generate_series: publishing 10,000 runs one by one would
    measure nothing new) and times Get-RevitBenchmarkHistory over all of them, and with -Trend. The same for a folder
    store with -Runs runs.
.EXAMPLE
    dotnet pwsh ./bench/Measure-ResultsStore.ps1 -Runs 200
#>
param(
    [int] $Runs = 200,
    [int] $Rows = 100000,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../build/TestPostgres.psm1') -Force
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' }
function CoreType([string] $Name) { $core.GetType("RevitPerf.Core.Storage.$Name", $true) }
$storedType = CoreType 'StoredBenchmark'; $runType = CoreType 'ResultsRun'
$random = [Random]::new(1)
function New-Run([int] $Index, [string] $Machine) {
    $benchmarks = [Array]::CreateInstance($storedType, 10)
    for ($b = 0; $b -lt 10; $b++) {
        $samples = [double[]]::new(100)
        for ($s = 0; $s -lt 100; $s++) { $samples[$s] = 1 + $b + $random.NextDouble() }
        $benchmarks[$b] = $storedType::new('Bench', "B$b", 1.5 + $b, 1.5 + $b, 1.9 + $b, 1000 / (1.5 + $b), 512, 100, $samples)
    }
    $time = [datetime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Utc).AddMinutes($Index)
    $runType::new($runType::IdOf($Machine, $time, $benchmarks), $time, $Machine, 'bench', '7.6.9', 'Core', '0.1.0', $null, [string[]]@('bench'), $benchmarks)
}
$runList = foreach ($i in 1..$Runs) { New-Run $i "BENCH01" }

function Measure-Publish($store) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    foreach ($run in $runList) { $null = $store.Publish($run) }
    $Runs / $watch.Elapsed.TotalSeconds
}

$started = Start-TestPostgres
try {
    $env:PGPASSWORD = $env:REVITPERF_TEST_POSTGRES_PASSWORD
    $pg = (CoreType 'PostgreSqlResultsStore')::new($env:REVITPERF_TEST_POSTGRES)
    $null = $pg.Publish((New-Run 0 'WARMUP'))   # creates the schema
    $pgRate = Measure-Publish $pg
    $fill = [math]::Ceiling(($Rows - $Runs * 10) / 10)
    Invoke-TestPostgresSql @"
INSERT INTO revitperf_runs (run_id, run_time, machine, user_name, powershell_version, powershell_edition, module_version, tags)
SELECT 'fill' || g, timestamptz '2025-01-01' + g * interval '1 minute', 'FILL' || (g % 4), 'bench', '7.6.9', 'Core', '0.1.0', '{bench}' FROM generate_series(1, $fill) g;
"@ | Out-Null
    Invoke-TestPostgresSql @"
INSERT INTO revitperf_benchmarks (run_id, suite, name, mean_ms, median_ms, p95_ms, ops_per_second, allocated_bytes_per_op, iterations, samples_ms)
SELECT 'fill' || g, 'Bench', 'B' || b, 1.5 + b + random(), 1.5 + b + random(), 2 + b, 500, 512, 100, array_fill(1.5::float8, ARRAY[100]) FROM generate_series(1, $fill) g, generate_series(0, 9) b;
"@ | Out-Null
    $stored = [int](Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_benchmarks')
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $history = @(Get-RevitBenchmarkHistory -Store $env:REVITPERF_TEST_POSTGRES)
    $historyMs = $watch.Elapsed.TotalMilliseconds
    $watch.Restart()
    $steps = @(Get-RevitBenchmarkHistory -Store $env:REVITPERF_TEST_POSTGRES -Trend)
    $trendMs = $watch.Elapsed.TotalMilliseconds
}
finally {
    if ($started) { Stop-TestPostgres -Remove }
}

$folder = Join-Path ([IO.Path]::GetTempPath()) ('revitperf-store-bench-' + [guid]::NewGuid().ToString('N'))
try {
    $folderRate = Measure-Publish ((CoreType 'FolderResultsStore')::new($folder))
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $folderRows = @(Get-RevitBenchmarkHistory -Store $folder).Count
    $folderHistoryMs = $watch.Elapsed.TotalMilliseconds
}
finally { Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue }

[pscustomobject]@{
    Name                 = 'ResultsStore'
    RunsPublished        = $Runs
    PostgreSqlRunsPerSec = [math]::Round($pgRate, 1)
    FolderRunsPerSec     = [math]::Round($folderRate, 1)
    StoredRows           = $stored
    HistoryRows          = $history.Count
    HistoryMs            = [math]::Round($historyMs)
    TrendMs              = [math]::Round($trendMs)
    TrendSteps           = $steps.Count
    FolderHistoryRows    = $folderRows
    FolderHistoryMs      = [math]::Round($folderHistoryMs)
}
