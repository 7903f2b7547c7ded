<#
.SYNOPSIS
    Measures what Measure-RevitOperation costs beyond & on the same block, in the same run.
.DESCRIPTION
    Runs a trivial block -Calls times with & and -Calls times with Measure-RevitOperation, alternating the two for
    -Rounds rounds after a warm-up (so that drift of a busy machine hits both alike), and prints the median time per
    call of each and their difference, in microseconds.
.EXAMPLE
    dotnet pwsh ./bench/Measure-OperationOverhead.ps1
.EXAMPLE
    ../shared/tools/under-load dotnet pwsh ./bench/Measure-OperationOverhead.ps1 -Rounds 5
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)]
    [int] $Rounds = 9,
    [ValidateRange(10, 1000000)]
    [int] $Calls = 2000,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path
$block = { $x = 1; $x }

$cases = [ordered]@{
    '&'                      = { foreach ($i in 1..$Calls) { $null = & $block } }
    'Measure-RevitOperation' = { foreach ($i in 1..$Calls) { $null = Measure-RevitOperation Overhead $block } }
}
foreach ($case in $cases.Values) { $null = & $case } # warm-up: JIT, script compilation, the operation's first record

$times = @{}
foreach ($name in $cases.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
foreach ($round in 1..$Rounds) {
    foreach ($name in $cases.Keys) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & $cases[$name]
        $times[$name].Add(1000 * $watch.Elapsed.TotalMilliseconds / $Calls)
    }
}

function Get-Median($values) { $sorted = $values | Sort-Object; $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)] }
$plain = Get-Median $times['&']
$measured = Get-Median $times['Measure-RevitOperation']
[pscustomobject]@{
    Rounds                    = $Rounds
    CallsPerRound             = $Calls
    AmpersandUs               = [math]::Round($plain, 2)
    MeasureRevitOperationUs   = [math]::Round($measured, 2)
    OverheadUs                = [math]::Round($measured - $plain, 2)
    Recorded                  = (Get-RevitPerformanceMetrics Overhead).Count
} | Format-List
