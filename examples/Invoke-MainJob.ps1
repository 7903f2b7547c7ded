<#
.SYNOPSIS
    The main job: imports RevitPerf, runs every built-in benchmark suite, prints the table and writes the results.
.DESCRIPTION
    Runs Invoke-RevitBenchmark -Suite All with the configuration in force (REVITPERF_CONFIG, if set, is loaded on
    import). The results are printed as the default table and written, as strict JSON, to
    <results_directory>/benchmark_results_<timestamp>.json (results_directory defaults to ./benchmark_results).
    The script ends with a line saying how many benchmarks met their targets.
.EXAMPLE
    ./examples/Invoke-MainJob.ps1 -ModulePath ./out/RevitPerf/RevitPerf.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$config = (Get-RevitPerformanceConfig).Benchmark
$started = Get-Date
$results = Invoke-RevitBenchmark -Suite All
# Wide enough for every column also when the output goes to a log rather than a console.
$width = [Math]::Max(160, $Host.UI.RawUI.BufferSize.Width)
$results | Format-Table | Out-String -Width $width | Write-Host

$met = @($results | Where-Object MetTargets).Count
if ($config.SaveResults) {
    $directory = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($config.ResultsDirectory)
    $file = Get-ChildItem -LiteralPath $directory -Filter 'benchmark_results_*.json' |
        Where-Object LastWriteTime -ge $started.AddSeconds(-1) | Sort-Object LastWriteTime | Select-Object -Last 1
    Write-Host "Results written to $($file.FullName)"
}
Write-Host ('{0} of {1} benchmarks met their targets in {2:N1} s.' -f $met, $results.Count, ((Get-Date) - $started).TotalSeconds)
