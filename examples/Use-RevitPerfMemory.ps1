<#
.SYNOPSIS
    Memory from a script: watch a process, react to alerts, report growth, clean up, and test a block for leaks.
.DESCRIPTION
    Watches this PowerShell process by default; pass -ProcessName Revit to watch Revit instead.
.EXAMPLE
    ./examples/Use-RevitPerfMemory.ps1 -ModulePath ./out/RevitPerf/RevitPerf.psd1 -Seconds 10
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'),
    [string] $ProcessName,
    [int] $Seconds = 10
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# 1. A monitor with thresholds; alerts arrive as engine events (here: also printed by -Action).
$monitor = @{ IntervalSeconds = 0.5; WarningThresholdMB = 8000; GrowthRateMBPerHour = 500; MonitorName = 'example' }
if ($ProcessName) { $monitor.Name = $ProcessName }
Start-RevitMemoryMonitor @monitor -Action { Write-Warning "$($Event.SourceArgs[1]): $($Event.SourceArgs[0].Message)" }

# 2. Do some work while it samples (replace with your batch of models).
$end = (Get-Date).AddSeconds($Seconds)
$kept = [System.Collections.Generic.List[object]]::new()
while ((Get-Date) -lt $end) { $kept.Add([byte[]]::new(100KB)); Start-Sleep -Milliseconds 100 }

# 3. What the monitor saw: snapshots, alerts and a fitted report (growth per hour, trend, leak suspicion).
Get-RevitMemorySnapshot -Monitor example -Last 5 | Format-Table
Get-RevitPerformanceAlert -Monitor example -IncludeResolved | Format-Table
Get-RevitMemoryReport -Monitor example | Format-List
Stop-RevitMemoryMonitor -Name example

# 4. Clean up: expired cache entries, and a full collection (compacting the large object heap).
$kept.Clear()
Optimize-RevitMemory -Aggressive -Confirm:$false | Format-List

# 5. Does a block leak? Decided from the trend of what survives forced collections.
$cache = [System.Collections.Generic.List[object]]::new()
Test-RevitMemoryLeak -Name 'keeps 10 KB per call' -ScriptBlock { $cache.Add([byte[]]::new(10KB)) } -Iterations 300 | Format-Table
Test-RevitMemoryLeak -Name 'allocates and drops' -ScriptBlock { $null = [byte[]]::new(100KB) } | Format-Table
