<#
.SYNOPSIS
    Measures writing an HTML report of 100 benchmarks with 1,000 samples each plus 10,000 memory snapshots.
.DESCRIPTION
    Builds the results once (the engine runs 100 tiny benchmarks of 1,000 iterations; the snapshots are made up), then
    writes the report -Runs times through Core (PerformanceReport.Write) and through the cmdlet
    (Export-RevitPerformanceReport, the pipeline's binding of 10,100 objects included), and reports the median time
    of each and the file's size. The goal: under a second and under 5 MB.
.EXAMPLE
    dotnet pwsh ./bench/Measure-ReportWrite.ps1 -Runs 5
#>
param(
    [int] $Runs = 5,
    [int] $Benchmarks = 100,
    [int] $Samples = 1000,
    [int] $Snapshots = 10000,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' }
function CoreType([string] $Name) { $core.GetType("RevitPerf.Core.$Name", $true) }

$environment = (CoreType 'Benchmarking.BenchmarkEnvironment')::new($PSVersionTable.PSVersion.ToString(), $PSEdition, (Get-Module RevitPerf).Version.ToString())
$engine = (CoreType 'Benchmarking.BenchmarkEngine')::new($null, $null)
$random = [Random]::new(1)
$results = foreach ($i in 1..$Benchmarks) {
    $spin = 50 + $i
    $workload = (CoreType 'Benchmarking.DelegateWorkload')::new([Action[long]] { param($n) for ($k = 0; $k -lt $spin; $k++) { } }, $null, $null, $null)
    $spec = (CoreType 'Benchmarking.BenchmarkSpec')::new("Benchmark$i", $workload)
    $spec.Suite = 'Bench'
    $spec.Iterations = $Samples
    $spec.WarmupIterations = 0
    $spec.InvocationsPerIteration = 1
    (CoreType 'Benchmarking.BenchmarkResult')::new($engine.Run($spec), $null, $environment, [DateTime]::UtcNow)
}
$snapshotType = CoreType 'Memory.MemorySnapshot'
$start = [DateTime]::Now.AddHours(-30)
$history = foreach ($i in 0..($Snapshots - 1)) {
    $s = $snapshotType::new()
    $s.Monitor = 'Revit'; $s.ProcessName = 'Revit'; $s.Timestamp = $start.AddSeconds(10 * $i)
    $s.WorkingSetMB = 2000 + $i * 0.01 + $random.NextDouble() * 20; $s.PrivateMemoryMB = 2500 + $random.NextDouble() * 10
    $s
}
$items = @($results) + $history
$reportType = CoreType 'Reporting.PerformanceReport'
$path = Join-Path ([IO.Path]::GetTempPath()) 'revitperf-report-bench.html'

function Median([double[]] $v) { $s = $v | Sort-Object; $s[[math]::Floor($s.Count / 2)] }
$coreMs = foreach ($r in 0..$Runs) {
    $w = [Diagnostics.Stopwatch]::StartNew()
    $report = $reportType::new('Bench', $environment, [DateTime]::Now)
    foreach ($item in $items) { $null = $report.Add($item) }
    $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false), 65536)
    try { $report.Write($writer) } finally { $writer.Dispose() }
    if ($r -gt 0) { $w.Elapsed.TotalMilliseconds }  # the first run warms the JIT
}
$cmdletMs = foreach ($r in 0..$Runs) {
    $w = [Diagnostics.Stopwatch]::StartNew()
    $items | Export-RevitPerformanceReport -Path $path
    if ($r -gt 0) { $w.Elapsed.TotalMilliseconds }
}
[pscustomobject]@{
    Name           = 'ReportWrite'
    Benchmarks     = $Benchmarks
    Samples        = $Samples
    Snapshots      = $Snapshots
    CoreMedianMs   = [math]::Round((Median $coreMs), 1)
    CmdletMedianMs = [math]::Round((Median $cmdletMs), 1)
    FileMB         = [math]::Round((Get-Item $path).Length / 1MB, 2)
}
