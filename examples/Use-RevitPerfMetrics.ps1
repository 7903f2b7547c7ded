<#
.SYNOPSIS
    A tour of RevitPerf's operation metrics, the line profiler and the RevitPerf meter.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'))
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# Time the steps of a job: the output passes through as if the blocks ran alone.
$walls = Measure-RevitOperation -Name CollectWalls { 1..5000 | ForEach-Object { [pscustomobject]@{ Id = $_; Length = 1000 + ($_ % 700) } } }
foreach ($batch in 1..20) {
    $null = Measure-RevitOperation -Name SumLengths { param($w) ($w | Measure-Object Length -Sum).Sum } -ArgumentList (, $walls)
}
Get-RevitPerformanceMetrics | Format-Table
Get-RevitPerformanceMetrics -Summary | Format-List

# Where does a script spend its time? The slowest lines by self time, and the functions by total time.
function Get-LongWalls($Walls) { $Walls | Where-Object Length -gt 1500 }
$profile = Trace-RevitScript {
    $long = Get-LongWalls $walls
    $byLength = $long | Sort-Object Length -Descending
    foreach ($wall in $byLength) { $null = $wall.Id * 2 }
    Start-Sleep -Milliseconds 20
}
$profile
$profile.Functions | Format-Table

# The same figures for dotnet-counters and OpenTelemetry: the RevitPerf meter (see about_RevitPerf_Metrics).
"dotnet-counters monitor --counters RevitPerf -p $PID"
