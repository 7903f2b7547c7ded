<#
.SYNOPSIS
    A tour of RevitPerf's object pools: borrowing, resets, statistics and loan tracking.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'))
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# Format a schedule's rows with one StringBuilder that goes back to the pool, cleared, after each row.
New-RevitObjectPool -TypeName System.Text.StringBuilder -Reset { param($sb) [void]$sb.Clear() } | Out-Null
$rows = 1..200 | ForEach-Object { [pscustomobject]@{ Mark = "W$_"; Level = "Level $($_ % 4)"; Length = 1000 + $_ } }
$lines = $rows | Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock {
    param($sb)
    [void]$sb.Append($_.Mark).Append(' on ').Append($_.Level).Append(': ').Append($_.Length).Append(' mm')
    $sb.ToString()
}
'{0} lines, the first: {1}' -f $lines.Count, $lines[0]

# A named pool of large buffers that tracks where each one still out was borrowed.
New-RevitObjectPool -Name Buffers -Factory { , [System.Collections.Generic.List[double]]::new(100000) } -Reset { param($l) $l.Clear() } -MaxSize 4 -TrackLoans | Out-Null
$total = Use-RevitPooledObject -Name Buffers -ScriptBlock {
    param($buffer)
    foreach ($i in 1..1000) { $buffer.Add($i * 0.5) }
    ($buffer | Measure-Object -Sum).Sum
}
"Sum from a pooled buffer: $total"
Get-RevitObjectPool -Name Buffers -Outstanding   # nothing: every buffer came back

# The counted statistics: one creation served 200 borrows.
Get-RevitObjectPool | Format-Table
Get-RevitObjectPool | Remove-RevitObjectPool -Confirm:$false
