<#
.SYNOPSIS
    Measures the hit path of Invoke-RevitCachedOperation against a trivial binary cmdlet call, in the same run.
.DESCRIPTION
    Each round times N calls of: Write-Output (a trivial binary cmdlet), Invoke-RevitCachedOperation with -Key on
    a cached key, and the same without -Key (the key derived from the block and its argument). Rounds alternate so
    machine noise hits all alike; medians per call are reported, with the ratio to the trivial call.
.EXAMPLE
    dotnet pwsh ./bench/Measure-CachedOperation.ps1 -Calls 20000 -Rounds 7
#>
param(
    [int] $Calls = 20000,
    [int] $Rounds = 7,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$block = { 'expensive result' }
$null = Invoke-RevitCachedOperation -Key 'bench' $block
$null = Invoke-RevitCachedOperation -ArgumentList 42 $block

$cases = [ordered]@{
    'Write-Output (trivial binary cmdlet)' = { for ($i = 0; $i -lt $Calls; $i++) { $null = Write-Output -InputObject 1 } }
    'Invoke-RevitCachedOperation -Key (hit)' = { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-RevitCachedOperation -Key 'bench' $block } }
    'Invoke-RevitCachedOperation derived key (hit)' = { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-RevitCachedOperation -ArgumentList 42 $block } }
}

$samples = @{}
foreach ($name in $cases.Keys) { $samples[$name] = [Collections.Generic.List[double]]::new() }
& $cases[0]   # warm-up of the loop itself
for ($round = 0; $round -lt $Rounds; $round++) {
    foreach ($name in $cases.Keys) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & $cases[$name]
        $samples[$name].Add($watch.Elapsed.TotalMilliseconds * 1000 / $Calls)
    }
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

$baseline = Get-Median $samples[@($cases.Keys)[0]]
foreach ($name in $cases.Keys) {
    $median = Get-Median $samples[$name]
    [pscustomobject]@{
        Name            = $name
        MedianUsPerCall = [math]::Round($median, 2)
        VersusTrivial   = [math]::Round($median / $baseline, 2)
        Calls           = $Calls
        Rounds          = $Rounds
    }
}
$stats = Get-RevitCacheStatistics Default
Write-Host ("Default cache: {0} hits, {1} misses" -f $stats.Hits, $stats.Misses)
