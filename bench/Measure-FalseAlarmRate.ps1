<#
.SYNOPSIS
    Measures how often Compare-RevitBenchmark calls an unchanged suite Slower. Like a CI pipeline, every run is a
    fresh PowerShell process: the first saves a baseline, each of the next -Runs is compared with it.
.EXAMPLE
    dotnet pwsh ./bench/Measure-FalseAlarmRate.ps1 -Runs 20
#>
[CmdletBinding()]
param(
    [int] $Runs = 20,
    [string[]] $Suite = @('All'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$work = Join-Path ([IO.Path]::GetTempPath()) ("revitperf-false-alarm-{0}" -f [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
$baseline = Join-Path $work 'baseline.json'
function Invoke-FreshRun([string] $Script) {
    # The same PowerShell as this one, also when it runs as a .NET tool (dotnet pwsh.dll).
    $exe = [Environment]::ProcessPath
    $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
    & $exe @arguments -NoProfile -NonInteractive -Command $Script
    if ($LASTEXITCODE -ne 0) { throw "The run failed with exit code $LASTEXITCODE." }
}

$suites = ($Suite | ForEach-Object { "'$_'" }) -join ','
Invoke-FreshRun "Import-Module '$ModulePath'; Set-RevitPerformanceConfig -SaveResults `$false; Invoke-RevitBenchmark -Suite $suites -WarningAction SilentlyContinue | Save-RevitBenchmarkBaseline -Path '$baseline'"
$comparisons = foreach ($run in 1..$Runs) {
    Write-Progress -Activity 'False-alarm rate' -Status "Run $run of $Runs" -PercentComplete (100 * ($run - 1) / $Runs)
    $file = Join-Path $work "run$run.json"
    Invoke-FreshRun "Import-Module '$ModulePath'; Set-RevitPerformanceConfig -SaveResults `$false; Invoke-RevitBenchmark -Suite $suites -WarningAction SilentlyContinue | Save-RevitBenchmarkBaseline -Path '$file'"
    Import-Module $ModulePath
    Compare-RevitBenchmark -Baseline $baseline -Result $file | Add-Member -NotePropertyName Run -NotePropertyValue $run -PassThru
}
Write-Progress -Activity 'False-alarm rate' -Completed
Remove-Item $work -Recurse

$comparisons | Group-Object Suite, Benchmark, Metric | ForEach-Object {
    $changes = $_.Group.ChangePercent | Sort-Object
    [pscustomobject]@{
        Benchmark    = $_.Name
        Comparisons  = $_.Count
        Slower       = @($_.Group | Where-Object Verdict -eq 'Slower').Count
        Faster       = @($_.Group | Where-Object Verdict -eq 'Faster').Count
        MinChangePct = [math]::Round($changes[0], 1)
        MaxChangePct = [math]::Round($changes[-1], 1)
    }
} | Format-Table -AutoSize | Out-String -Width 200
$slower = @($comparisons | Where-Object Verdict -eq 'Slower')
'{0} runs x {1} comparisons: {2} false alarms (Slower) in {3} of {0} runs' -f $Runs, ($comparisons.Count / $Runs), $slower.Count, @($slower.Run | Sort-Object -Unique).Count
