<#
.SYNOPSIS
    The benchmark engine's own cost on script blocks, against Measure-Command in the same run.
.DESCRIPTION
    Measures, in one process:
    - Measure-Command {} per call (what a user gets without RevitPerf);
    - a plain C# loop of ScriptBlock.Invoke() on an empty block (the invocation itself);
    - Invoke-RevitBenchmark on an empty block, -Runs times: the calibrated result (goal: within +-0.2 us of zero);
    - the engine's added cost per operation: an iteration's raw time per operation (calibrated result plus the
      subtracted overhead) minus the plain invocation loop (goal: at most 1 us).
.EXAMPLE
    dotnet pwsh ./bench/Measure-EngineOverhead.ps1 -Runs 10
#>
[CmdletBinding()]
param(
    [int] $Runs = 10,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'),

    # Returns the medians as one object (Compare-Baseline.ps1 collects them) instead of printing the tables.
    [switch] $AsObject
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Set-RevitPerformanceConfig -SaveResults $false

Add-Type -TypeDefinition @'
public static class PlainInvokeLoop {
    public static double MicrosecondsPerInvoke(System.Management.Automation.ScriptBlock block, int count) {
        for (int i = 0; i < count; i++) block.Invoke();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < count; i++) block.Invoke();
        return watch.Elapsed.TotalMilliseconds * 1000.0 / count;
    }
}
'@

$empty = {}
$measureCommand = if ($AsObject) { 0 } else { foreach ($i in 1..5) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    foreach ($j in 1..20000) { $null = Measure-Command {} }
    $watch.Elapsed.TotalMilliseconds * 1000 / 20000
} }
$plain = foreach ($i in 1..5) { [PlainInvokeLoop]::MicrosecondsPerInvoke($empty, 200000) }

$calibrated = foreach ($i in 1..$Runs) {
    $result = Invoke-RevitBenchmark -Name Empty -ScriptBlock {}
    [pscustomobject]@{ MeanUs = $result.MeanMs * 1000; MedianUs = $result.MedianMs * 1000; ErrorUs = $result.ErrorMs * 1000; OverheadUs = $result.OverheadMsPerOp * 1000 }
}
$median = { param($values) $sorted = @($values | Sort-Object); if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 } }

if ($AsObject) {
    return [pscustomobject]@{
        EmptyMedianUs = & $median $calibrated.MedianUs
        EngineCostUs  = (& $median $calibrated.OverheadUs) - (& $median $plain)
        PlainInvokeUs = & $median $plain
    }
}

[pscustomobject]@{
    'Measure-Command {} per call (us)'         = [math]::Round((& $median $measureCommand), 3)
    'ScriptBlock.Invoke() from C# (us)'        = [math]::Round((& $median $plain), 3)
    'Empty block, calibrated median (us)'      = [math]::Round((& $median $calibrated.MedianUs), 3)
    'Empty block, calibrated mean (us)'        = [math]::Round((& $median $calibrated.MeanUs), 3)
    'Engine cost per op: twin minus plain (us)' = [math]::Round((& $median $calibrated.OverheadUs) - (& $median $plain), 3)
    'Worst run, calibrated median (us)'        = [math]::Round(($calibrated.MedianUs | ForEach-Object { [math]::Abs($_) } | Measure-Object -Maximum).Maximum, 3)
    'Worst run, calibrated mean (us)'          = [math]::Round(($calibrated.MeanUs | ForEach-Object { [math]::Abs($_) } | Measure-Object -Maximum).Maximum, 3)
} | Format-List
$calibrated | Format-Table
