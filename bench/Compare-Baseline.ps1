<#
.SYNOPSIS
    Measures the cache's hot path and the benchmark engine's overhead before and after a change, in the same run.
.DESCRIPTION
    Builds an older commit beside this checkout (a git worktree in the temp folder):
    - its RevitPerf.Core, renamed RevitPerf.Core.Baseline, which the BenchmarkDotNet project then references next to
      the current one, so CacheThroughputBenchmarks measures CacheKind.RevitPerfLru (now) and RevitPerfLruBaseline
      (then) in one run;
    - its whole module, for Measure-EngineOverhead.ps1, which then runs -Rounds times alternately against the old
      and the new module, each time in a fresh process, so that drift of the machine hits both alike.
.EXAMPLE
    dotnet pwsh ./bench/Compare-Baseline.ps1 -Baseline 24d6719
.EXAMPLE
    dotnet pwsh ./bench/Compare-Baseline.ps1 -Baseline 24d6719 -Part Engine -Rounds 6
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Baseline,
    [ValidateSet('Cache', 'Engine', 'Both')] [string] $Part = 'Both',
    [string] $Filter = '*CacheThroughputBenchmarks.GetHit(*RevitPerfLru*|*CacheThroughputBenchmarks.SetUpdate(*RevitPerfLru*',
    [int] $Rounds = 4
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$work = Join-Path ([IO.Path]::GetTempPath()) "revitperf-baseline-$Baseline"
if (-not (Test-Path $work)) {
    git -C $root worktree add --detach $work $Baseline | Out-Null
    if ($LASTEXITCODE) { throw "git worktree add $Baseline failed." }
}

function Invoke-Checked([string] $Command, [string[]] $Arguments) {
    & $Command @Arguments
    if ($LASTEXITCODE) { throw "$Command $($Arguments -join ' ') failed ($LASTEXITCODE)." }
}

if ($Part -in 'Cache', 'Both') {
    $core = Join-Path $work 'out/core-baseline'
    Invoke-Checked dotnet @('build', (Join-Path $work 'src/RevitPerf.Core'), '-c', 'Release', '--nologo', '-v', 'q',
        '-p:AssemblyName=RevitPerf.Core.Baseline', '-o', $core)
    $filters = $Filter -split '\|'
    $baselineCore = Join-Path $core 'RevitPerf.Core.Baseline.dll'
    # The benchmark processes are built by BenchmarkDotNet from projects of their own: the variable carries the
    # baseline to those builds (without it the baseline kind would not exist there).
    $env:REVITPERF_BASELINE_CORE = $baselineCore
    try {
        Invoke-Checked dotnet (@('run', '-c', 'Release', '--project', (Join-Path $root 'bench/RevitPerf.Benchmarks'),
            "-p:BaselineCore=$baselineCore", '--', '--filter') + $filters)
    }
    finally {
        Remove-Item Env:REVITPERF_BASELINE_CORE -ErrorAction SilentlyContinue
    }
}

if ($Part -in 'Engine', 'Both') {
    Invoke-Checked dotnet @('pwsh', '-NoProfile', '-File', (Join-Path $work 'build.ps1'), '-Task', 'Build')
    $modules = [ordered]@{
        before = Join-Path $work 'out/RevitPerf/RevitPerf.psd1'
        after  = Join-Path $root 'out/RevitPerf/RevitPerf.psd1'
    }
    $script = Join-Path $PSScriptRoot 'Measure-EngineOverhead.ps1'
    $exe = [Environment]::ProcessPath
    # An array however the if turns out: a one-string result would be splatted character by character.
    $lead = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $rows = foreach ($round in 1..$Rounds) {
        foreach ($entry in $modules.GetEnumerator()) {
            $command = "& '$script' -ModulePath '$($entry.Value)' -Runs 5 -AsObject | ConvertTo-Json -Compress"
            # The JSON line is the last that is one: a warning or a progress line may come after it.
            $row = & $exe @lead -NoProfile -Command $command 2>$null | Where-Object { "$_".StartsWith('{') } | Select-Object -Last 1 | ConvertFrom-Json
            [pscustomobject]@{ Round = $round; Build = $entry.Key; EmptyMedianUs = $row.EmptyMedianUs; EngineCostUs = $row.EngineCostUs; PlainInvokeUs = $row.PlainInvokeUs }
        }
    }
    $rows | Format-Table
    $rows | Group-Object Build | ForEach-Object {
        $median = { param($v) $s = @($v | Sort-Object); $s[[int][math]::Floor(($s.Count - 1) / 2)] }
        [pscustomobject]@{
            Build         = $_.Name
            EmptyMedianUs = [math]::Round((& $median $_.Group.EmptyMedianUs), 3)
            EngineCostUs  = [math]::Round((& $median $_.Group.EngineCostUs), 3)
            PlainInvokeUs = [math]::Round((& $median $_.Group.PlainInvokeUs), 3)
        }
    } | Format-Table
}
