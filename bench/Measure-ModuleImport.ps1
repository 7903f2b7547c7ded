<#
.SYNOPSIS
    Measures RevitPerf's import time in a fresh pwsh against a bare 'pwsh -NoProfile -c exit', in the same run.
.DESCRIPTION
    Launches are interleaved (bare, import, bare, import, ...) so that machine noise hits both alike, and the
    medians are reported with their difference: the cost the module adds to a cold start.
.EXAMPLE
    dotnet pwsh ./bench/Measure-ModuleImport.ps1 -Runs 15
#>
param(
    [int] $Runs = 11,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$exe = [Environment]::ProcessPath
$prefix = @()
if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }

function Measure-Launch([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $exe @prefix -NoProfile -NonInteractive -Command $Command | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "'$Command' failed with exit code $LASTEXITCODE." }
    $watch.Elapsed.TotalMilliseconds
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

# One unmeasured launch of each warms the file cache.
Measure-Launch 'exit' | Out-Null
Measure-Launch "Import-Module '$ModulePath'; exit" | Out-Null

$bare = [Collections.Generic.List[double]]::new()
$import = [Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare.Add((Measure-Launch 'exit'))
    $import.Add((Measure-Launch "Import-Module '$ModulePath'; exit"))
}
$bareMedian = Get-Median $bare
$importMedian = Get-Median $import
[pscustomobject]@{
    Name               = 'ModuleImport'
    Runs               = $Runs
    BarePwshMedianMs   = [math]::Round($bareMedian, 1)
    WithImportMedianMs = [math]::Round($importMedian, 1)
    ImportCostMs       = [math]::Round($importMedian - $bareMedian, 1)
    BareMinMs          = [math]::Round(($bare | Measure-Object -Minimum).Minimum, 1)
    WithImportMinMs    = [math]::Round(($import | Measure-Object -Minimum).Minimum, 1)
}
