<#
.SYNOPSIS
    A tour of RevitPerf's cache: cached operations, dependencies, named caches and statistics.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'))
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# An "expensive" query: the first call runs it, the next ones are hits.
function Get-LevelArea([string] $Level) { Start-Sleep -Milliseconds 200; [pscustomobject]@{ Level = $Level; AreaM2 = 1234.5 } }
foreach ($i in 1..3) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $area = Invoke-RevitCachedOperation -ArgumentList 'Level 1' -Dependency 'Level|1' { param($l) Get-LevelArea $l }
    '{0}: {1} m2 in {2:N1} ms' -f $area.Level, $area.AreaM2, $watch.Elapsed.TotalMilliseconds
}

# Entries that depend on each other: invalidating the level cascades to the wall and its tag.
Set-RevitCacheEntry -Key 'Wall|1' -Value 'wall data' -Dependency 'Level|1'
Set-RevitCacheEntry -Key 'Tag|W1' -Value 'tag data' -Dependency 'Wall|1'
Get-RevitCacheEntry | Format-Table
'Invalidated {0} entries' -f (Remove-RevitCacheEntry -Dependency 'Level|1' -PassThru)

# A scan-resistant cache for geometry, and the counted statistics of every cache.
New-RevitCache -Name Geometry -Policy Adaptive -MaxSize 1000 | Out-Null
1..50 | ForEach-Object { Invoke-RevitCachedOperation -CacheName Geometry -Key "solid:$($_ % 10)" { 'solid' } } | Out-Null
Get-RevitCacheStatistics | Format-Table
Remove-RevitCache Geometry -Confirm:$false
