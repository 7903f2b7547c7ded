<#
.SYNOPSIS
    Measures how often Compare-RevitBenchmark calls an unchanged suite Slower, and whether it catches a slowdown
    planted on purpose. Like a CI pipeline, every run is a fresh PowerShell process: the first -BaselineLaunches save
    the baseline's launches, each of the next -Runs is compared with it.
.DESCRIPTION
    Besides the suites, every run measures 'Planted/Loop', a loop of 2,000 additions. With -PlantSlowdownPercent the
    compared runs make it that much longer, so its row shows whether a real slowdown of that size is called Slower
    (it should be, in every run) while the unchanged benchmarks show the false alarms (there should be none).
.EXAMPLE
    dotnet pwsh ./bench/Measure-FalseAlarmRate.ps1 -Runs 20 -Suite Api, Cache -PlantSlowdownPercent 50
.EXAMPLE
    ../shared/tools/under-load dotnet pwsh ./bench/Measure-FalseAlarmRate.ps1 -Runs 20 -Suite Api, Cache -PlantSlowdownPercent 50
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000)]
    [int] $Runs = 20,
    [string[]] $Suite = @('All'),
    [ValidateRange(1, 20)]
    [int] $BaselineLaunches = 3,
    [ValidateRange(0, 1000)]
    [double] $PlantSlowdownPercent = 0,
    # Invoke-RevitBenchmark's -Rounds in every run, baseline launches included.
    [ValidateRange(1, 100)]
    [int] $Rounds = 3,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'),
    # A folder to keep every launch's and run's results in (launchN.json, runN.json, baseline.json), for a closer look;
    # by default they go to a temporary folder that is removed at the end.
    [string] $KeepIn
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
# 'Api,Cache' arrives as one string when the script is run with -File: the suites are the names between the commas.
$Suite = @($Suite -split ',' | ForEach-Object Trim | Where-Object { $_ })
$work = if ($KeepIn) { $KeepIn } else { Join-Path ([IO.Path]::GetTempPath()) ("revitperf-false-alarm-{0}" -f [guid]::NewGuid().ToString('N')) }
$null = New-Item -ItemType Directory -Path $work -Force
$work = (Resolve-Path $work).Path
function Invoke-FreshRun([string] $File, [int] $LoopCount) {
    # The same PowerShell as this one, also when it runs as a .NET tool (dotnet pwsh.dll).
    $suites = ($Suite | ForEach-Object { "'$_'" }) -join ','
    $script = "Import-Module '$ModulePath'; Set-RevitPerformanceConfig -SaveResults `$false; " +
        "& { Invoke-RevitBenchmark -Suite $suites -Rounds $Rounds; " +
        "Invoke-RevitBenchmark -Name Loop -Suite Planted -Rounds $Rounds -ScriptBlock { `$s = 0; for (`$i = 0; `$i -lt $LoopCount; `$i++) { `$s += `$i } } } " +
        "-WarningAction SilentlyContinue | Save-RevitBenchmarkBaseline -Path '$File'"
    $exe = [Environment]::ProcessPath
    $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
    & $exe @arguments -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "The run failed with exit code $LASTEXITCODE." }
}

try {
    $loop = 2000
    $planted = [int][math]::Round($loop * (1 + ($PlantSlowdownPercent / 100)))
    $launches = foreach ($launch in 1..$BaselineLaunches) {
        Write-Progress -Activity 'False-alarm rate' -Status "Baseline launch $launch of $BaselineLaunches"
        $file = Join-Path $work "launch$launch.json"
        Invoke-FreshRun $file $loop
        $file
    }

    Import-Module $ModulePath
    $baseline = Join-Path $work 'baseline.json'
    $launches | Save-RevitBenchmarkBaseline -Path $baseline
    $comparisons = foreach ($run in 1..$Runs) {
        Write-Progress -Activity 'False-alarm rate' -Status "Run $run of $Runs" -PercentComplete (100 * ($run - 1) / $Runs)
        $file = Join-Path $work "run$run.json"
        Invoke-FreshRun $file $planted
        Compare-RevitBenchmark -Baseline $baseline -Result $file | Add-Member -NotePropertyName Run -NotePropertyValue $run -PassThru
    }
    Write-Progress -Activity 'False-alarm rate' -Completed
}
finally {
    if (-not $KeepIn) { Remove-Item $work -Recurse -ErrorAction SilentlyContinue }
}

$comparisons | Group-Object Suite, Benchmark, Metric | ForEach-Object {
    $changes = $_.Group.ChangePercent | Sort-Object
    [pscustomobject]@{
        Benchmark    = $_.Name
        Comparisons  = $_.Count
        Slower       = @($_.Group | Where-Object Verdict -eq 'Slower').Count
        Unsure       = @($_.Group | Where-Object Verdict -eq 'Unsure').Count
        Faster       = @($_.Group | Where-Object Verdict -eq 'Faster').Count
        MinChangePct = [math]::Round($changes[0], 1)
        MaxChangePct = [math]::Round($changes[-1], 1)
    }
} | Format-Table -AutoSize | Out-String -Width 200

$unchanged = @($comparisons | Where-Object { $PlantSlowdownPercent -eq 0 -or $_.Suite -ne 'Planted' })
$slower = @($unchanged | Where-Object Verdict -eq 'Slower')
'{0} runs of {6} rounds against a baseline of {1} launches: {2} false alarms (Slower) among {3} comparisons of unchanged code, in {4} of {0} runs; {5} Unsure' -f
    $Runs, $BaselineLaunches, $slower.Count, $unchanged.Count, @($slower.Run | Sort-Object -Unique).Count, @($unchanged | Where-Object Verdict -eq 'Unsure').Count, $Rounds
if ($PlantSlowdownPercent -gt 0) {
    $caught = @($comparisons | Where-Object { $_.Suite -eq 'Planted' -and $_.Metric -eq 'LatencyMs' -and $_.Verdict -eq 'Slower' })
    'planted slowdown of {0} %: called Slower in {1} of {2} runs' -f $PlantSlowdownPercent, $caught.Count, $Runs
}
