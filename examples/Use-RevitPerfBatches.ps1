<#
.SYNOPSIS
    A tour of Invoke-RevitBatch: batches in this session, in parallel runspaces, and what a failure looks like.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'))
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# In this session, on this thread (what the Revit API needs), in batches of 25; output in input order.
$levels = 1..100 | ForEach-Object { [pscustomobject]@{ Name = "Level $_"; Elevation = 3.5 * $_ } }
$heights = $levels | Invoke-RevitBatch -BatchSize 25 { param($level) '{0} at {1:N1} m' -f $level.Name, $level.Elevation }
'{0} lines; the last: {1}' -f $heights.Count, $heights[-1]

# In parallel runspaces: a function and a setting of this session go with the block.
function Get-Checksum([string] $Text) { [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($Text))).Substring(0, 11) }
$salt = 'rvt'
$sums = 1..8 | Invoke-RevitBatch -Parallel -ThrottleLimit 4 -ImportFunction Get-Checksum { param($n) "$n=$(Get-Checksum ($using:salt + $n))" }
$sums -join '  '

# A failing item is an error whose target is the item; the rest go on. -PassThru shows every item's outcome.
1..5 | Invoke-RevitBatch -PassThru { if ($_ -eq 4) { throw 'element 4 is locked' }; Start-Sleep -Milliseconds 10 } -ErrorAction SilentlyContinue -ErrorVariable failed |
    Format-Table Index, Success, Status, DurationMs, Error
'Failed items: {0}' -f ($failed.TargetObject -join ', ')
