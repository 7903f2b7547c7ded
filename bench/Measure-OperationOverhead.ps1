<#
.SYNOPSIS
    Measures, in one run, what Measure-RevitOperation costs beyond & on the same block, and what the line profiler
    (Trace-RevitScript) costs per statement it traces.
.DESCRIPTION
    Operation metrics: a trivial block runs -Calls times with & and -Calls times with Measure-RevitOperation,
    alternating the two for -Rounds rounds after a warm-up (so that drift of a busy machine hits both alike); the
    median time per call of each and their difference are printed, in microseconds.

    Profiler: a script block of -Statements statements (a loop) runs plain and under Trace-RevitScript, alternately,
    -Rounds times; the overhead per statement is (traced wall time - plain time) / statements, beside the figure the
    profiler calibrated and subtracted itself (OverheadPerStatementUs) and the loop's self time it reported against
    the plain time.
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
    [ValidateRange(100, 1000000)]
    [int] $Statements = 20000,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path
function Get-Median($values) { $sorted = @($values | Sort-Object); $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)] }

# --- Measure-RevitOperation against & ---
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
$plain = Get-Median $times['&']
$measured = Get-Median $times['Measure-RevitOperation']

# --- the line profiler ---
# A new script block each round, as Trace-RevitScript meets its code: PowerShell interprets a block's first run.
$code = "foreach (`$i in 1..$($Statements - 1)) { `$x = `$i }"
$plainMs = [System.Collections.Generic.List[double]]::new()
$tracedMs = [System.Collections.Generic.List[double]]::new()
$calibratedUs = [System.Collections.Generic.List[double]]::new()
$loopSelfMs = [System.Collections.Generic.List[double]]::new()
$null = Trace-RevitScript ([scriptblock]::Create($code)) # warm-up
foreach ($round in 1..$Rounds) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & ([scriptblock]::Create($code))
    $plainMs.Add($watch.Elapsed.TotalMilliseconds)
    $profile = Trace-RevitScript ([scriptblock]::Create($code))
    $tracedMs.Add($profile.TracedDurationMs)
    $calibratedUs.Add($profile.OverheadPerStatementUs)
    $loopSelfMs.Add($profile.Lines[0].SelfMs)
}
$plainLoop = Get-Median $plainMs

[pscustomobject]@{
    Rounds                         = $Rounds
    CallsPerRound                  = $Calls
    AmpersandUs                    = [math]::Round($plain, 2)
    MeasureRevitOperationUs        = [math]::Round($measured, 2)
    MeasureOverheadUs              = [math]::Round($measured - $plain, 2)
    Recorded                       = (Get-RevitPerformanceMetrics Overhead).Count
    TracedStatements               = $Statements
    PlainLoopMs                    = [math]::Round($plainLoop, 2)
    TracedLoopMs                   = [math]::Round((Get-Median $tracedMs), 2)
    ProfilerOverheadPerStatementUs = [math]::Round(1000 * ((Get-Median $tracedMs) - $plainLoop) / $Statements, 3)
    CalibratedOverheadUs           = [math]::Round((Get-Median $calibratedUs), 3)
    ReportedLoopSelfMs             = [math]::Round((Get-Median $loopSelfMs), 2)
} | Format-List
