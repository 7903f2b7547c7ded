<#
.SYNOPSIS
    Benchmarks from a script: ad hoc blocks, benchmark files, baselines, regressions and CI assertions.
.EXAMPLE
    ./examples/Use-RevitPerfBenchmarks.ps1 -ModulePath ./out/RevitPerf/RevitPerf.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'),
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'revitperf-example')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Set-RevitPerformanceConfig -ResultsDirectory (Join-Path $WorkFolder 'results')

# 1. One script block, with a setup whose variables it sees, a validator and a target.
Invoke-RevitBenchmark -Name SortIds -Setup { $ids = 1..5000 | Get-Random -Count 5000 -SetSeed 1 } -ScriptBlock {
    [Array]::Sort($ids.Clone())
} -TargetLatencyMs 5 | Format-Table

# 2. Benchmark files: every *.Benchmarks.ps1 under a folder.
$results = Invoke-RevitBenchmark -Path (Join-Path $PSScriptRoot 'benchmarks')
$results | Format-Table

# 3. Keep a baseline, then compare a later run with it (per metric, Mann-Whitney plus thresholds).
$baseline = Join-Path $WorkFolder 'baseline.json'
$results | Save-RevitBenchmarkBaseline -Path $baseline -Force
Invoke-RevitBenchmark -Path (Join-Path $PSScriptRoot 'benchmarks') | Compare-RevitBenchmark -Baseline $baseline | Format-Table

# 4. In CI: fail when a target is missed (or use Should -MeetRevitPerformanceTarget in Pester).
try {
    $results | Assert-RevitPerformanceTarget
    Write-Host 'Every target met.'
}
catch {
    Write-Warning $_.Exception.Message
}

# 5. Flat objects: straight into CSV (or ImportExcel's Export-Excel).
$results | Export-Csv (Join-Path $WorkFolder 'benchmarks.csv') -NoTypeInformation
