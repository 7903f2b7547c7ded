<#
.SYNOPSIS
    Measures Invoke-RevitBatch's per-item overhead against ForEach-Object (one after another) and ForEach-Object
    -Parallel (same throttle), on 1,000 trivial items and on 40 items that each wait 50 ms.
.DESCRIPTION
    Each case runs -Repeat times in this process after three warm-ups (the tiered JIT makes a fresh process slow); the table shows the median time per call and per
    item. ForEach-Object -Parallel needs PowerShell 7; on Windows PowerShell 5.1 its rows are left out.
.EXAMPLE
    dotnet pwsh ./bench/Measure-Batch.ps1
.EXAMPLE
    ../shared/tools/under-load dotnet pwsh ./bench/Measure-Batch.ps1 -Repeat 5
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)]
    [int] $Repeat = 7,
    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path

function Measure-Case([string] $Name, [int] $Items, [scriptblock] $Run) {
    foreach ($w in 1..3) { $null = & $Run } # warm-up: tiered JIT, runspace types, script compilation
    $times = foreach ($i in 1..$Repeat) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Run
        $watch.Elapsed.TotalMilliseconds
    }
    $median = ($times | Sort-Object)[[int][math]::Floor(($times.Count - 1) / 2)]
    [pscustomobject]@{
        Case       = $Name
        Items      = $Items
        MedianMs   = [math]::Round($median, 1)
        PerItemUs  = [math]::Round(1000 * $median / $Items, 1)
        MinMs      = [math]::Round(($times | Measure-Object -Minimum).Minimum, 1)
    }
}

$trivial = 1..1000
$waiting = 1..40
$rows = @(
    Measure-Case 'ForEach-Object, trivial' 1000 { $trivial | ForEach-Object { $_ } }
    Measure-Case 'Invoke-RevitBatch, trivial' 1000 { $trivial | Invoke-RevitBatch { $_ } }
    Measure-Case 'Invoke-RevitBatch -RetryCount 1 (own pipeline per item), trivial' 1000 { $trivial | Invoke-RevitBatch -RetryCount 1 { $_ } }
    if ($PSVersionTable.PSVersion.Major -ge 7) {
        Measure-Case "ForEach-Object -Parallel -ThrottleLimit $ThrottleLimit, trivial" 1000 { $trivial | ForEach-Object -Parallel { $_ } -ThrottleLimit $ThrottleLimit }
    }
    Measure-Case "Invoke-RevitBatch -Parallel -ThrottleLimit $ThrottleLimit, trivial" 1000 { $trivial | Invoke-RevitBatch -Parallel -ThrottleLimit $ThrottleLimit { $_ } }
    if ($PSVersionTable.PSVersion.Major -ge 7) {
        Measure-Case "ForEach-Object -Parallel -ThrottleLimit $ThrottleLimit, 40 x 50 ms" 40 { $waiting | ForEach-Object -Parallel { Start-Sleep -Milliseconds 50 } -ThrottleLimit $ThrottleLimit }
    }
    Measure-Case "Invoke-RevitBatch -Parallel -ThrottleLimit $ThrottleLimit, 40 x 50 ms" 40 { $waiting | Invoke-RevitBatch -Parallel -ThrottleLimit $ThrottleLimit { Start-Sleep -Milliseconds 50 } }
)
$rows | Format-Table -AutoSize | Out-String -Width 200
'Ideal for 40 x 50 ms at a throttle of {0}: {1} ms' -f $ThrottleLimit, (40 * 50 / $ThrottleLimit)
