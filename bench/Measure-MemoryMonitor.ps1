<#
.SYNOPSIS
    The cost of one memory snapshot (this process and another) and of Stop-RevitMemoryMonitor.
.EXAMPLE
    dotnet pwsh ./bench/Measure-MemoryMonitor.ps1
#>
[CmdletBinding()]
param(
    [int] $Snapshots = 2000,
    [int] $Stops = 20,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' }
$probeType = $core.GetType('RevitPerf.Core.Memory.SystemProcessProbe')

function Measure-Take($probe, [int] $count) {
    foreach ($i in 1..50) { $null = $probe.Take() }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    foreach ($i in 1..$count) { $null = $probe.Take() }
    $watch.Elapsed.TotalMilliseconds / $count
}

$child = if ($IsWindows) { Start-Process ping -ArgumentList '-n', '600', '127.0.0.1' -PassThru -WindowStyle Hidden } else { Start-Process sleep -ArgumentList 600 -PassThru }
try {
    $own = $probeType::ForCurrentProcess($null, $null)
    $other = $probeType::ForProcess($child.Id)
    # The loop's own cost (a PowerShell foreach calling a method) is measured and subtracted.
    $empty = [pscustomobject]@{} | Add-Member -MemberType ScriptMethod -Name Take -Value { } -PassThru
    $loop = Measure-Take $empty $Snapshots
    $ownMs = (Measure-Take $own $Snapshots) - $loop
    $otherMs = (Measure-Take $other $Snapshots) - $loop

    $stopMs = foreach ($i in 1..$Stops) {
        Start-RevitMemoryMonitor -MonitorName "bench$i" -IntervalSeconds 0.1
        Start-Sleep -Milliseconds 250
        (Measure-Command { Stop-RevitMemoryMonitor -Name "bench$i" }).TotalMilliseconds
    }
    $sorted = @($stopMs | Sort-Object)
    [pscustomobject]@{
        'Snapshot, this process (ms)'       = [math]::Round($ownMs, 3)
        'Snapshot, another process (ms)'    = [math]::Round($otherMs, 3)
        'Stop-RevitMemoryMonitor median (ms)' = [math]::Round($sorted[[int][math]::Floor($sorted.Count / 2)], 2)
        'Stop-RevitMemoryMonitor max (ms)'    = [math]::Round($sorted[-1], 2)
    } | Format-List
}
finally {
    $child | Stop-Process -Force
}
