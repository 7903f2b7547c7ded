<#
.SYNOPSIS
    The main job: imports RevitPerf and runs the benchmark suite, printing the table and writing the results.
.DESCRIPTION
    Until the benchmark engine (Invoke-RevitBenchmark) ships, this shows the configuration the suite will run
    with and writes it to <results_directory>/revitperf-config.yaml.
.EXAMPLE
    ./examples/Invoke-MainJob.ps1 -ModulePath ./out/RevitPerf/RevitPerf.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

if (Get-Command Invoke-RevitBenchmark -Module RevitPerf -ErrorAction SilentlyContinue) {
    Invoke-RevitBenchmark -Suite All | Format-Table -AutoSize
    return
}

$config = Get-RevitPerformanceConfig
$config | Out-Host
$results = $config.Benchmark.ResultsDirectory
New-Item -ItemType Directory -Force -Path $results | Out-Null
$file = Export-RevitPerformanceConfig -Path (Join-Path $results 'revitperf-config.yaml') -PassThru
Write-Host "Invoke-RevitBenchmark is not in this build yet; the configuration it will use was written to $($file.FullName)."
