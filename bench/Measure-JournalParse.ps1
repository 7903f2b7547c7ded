<#
.SYNOPSIS
    Measures how fast RevitPerf reads Revit journals, and that its memory does not grow with the file.
.DESCRIPTION
    Generates journals of each size in -SizesMB from the 2016 test journal (its middle repeated, so every line kind
    is in it), then for each size starts a fresh pwsh that reads the file -Runs times:
    - Summary: JournalReader.ReadToEnd (what Get-RevitJournal does), in MB/s;
    - AllRows: every memory sample, timed step and event materialised, in MB/s;
    - Cmdlet: Get-RevitJournalOperation | Measure-Object, in MB/s (the pipeline's cost included).
    It reports the median of each; the process's peak working set after importing the module (ImportedPeakMB), after
    the summary reads (SummaryPeakMB), after the row reads (AllRowsPeakMB) and after the cmdlet's (CmdletPeakMB);
    and the managed heap after a full collection at the end. Equal
    figures across sizes say memory does not depend on the file's size.
.EXAMPLE
    dotnet pwsh ./bench/Measure-JournalParse.ps1 -SizesMB 20, 200
#>
param(
    [int[]] $SizesMB = @(20, 200),
    [int] $Runs = 3,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'),
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'revitperf-journal-bench')
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$fixture = (Resolve-Path (Join-Path $PSScriptRoot '../tests/fixtures/journals/journal.2016.txt')).Path
$exe = [Environment]::ProcessPath
$prefix = @()
if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
$null = New-Item -ItemType Directory -Force $WorkFolder

function New-Journal([string] $Path, [long] $Length) {
    # Head: up to the 'H line; tail: the finished line; the rest in between repeated until the size is reached.
    $bytes = [IO.File]::ReadAllBytes($fixture)
    $starts = [Collections.Generic.List[int]]::new(); $starts.Add(0)
    for ($i = 0; $i -lt $bytes.Length; $i++) { if ($bytes[$i] -eq 10) { $starts.Add($i + 1) } }
    $bodyStart = $starts[13]; $tailStart = $starts[$starts.Count - 2]
    $body = $bytes[$bodyStart..($tailStart - 1)]
    $stream = [IO.File]::Create($Path)
    try {
        $stream.Write($bytes, 0, $bodyStart)
        $block = [byte[]]($body * [math]::Max(1, [math]::Floor(1MB / $body.Count)))
        while ($stream.Length + $block.Length -lt $Length) { $stream.Write($block, 0, $block.Length) }
        $stream.Write($bytes, $tailStart, $bytes.Length - $tailStart)
    }
    finally { $stream.Dispose() }
}

$child = @'
param($ModulePath, $Path, $Runs)
Import-Module $ModulePath
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' }
$readerType = $core.GetType('RevitPerf.Core.Journals.JournalReader', $true)
$all = $core.GetType('RevitPerf.Core.Journals.JournalSeries', $true)::All
$mb = (Get-Item $Path).Length / 1MB
function Median($v) { $s = $v | Sort-Object; $s[[math]::Floor($s.Count / 2)] }
$process = [Diagnostics.Process]::GetCurrentProcess()
$baseline = $process.PeakWorkingSet64 / 1MB
foreach ($i in 1..2) { $null = $readerType::ReadSession($Path) }  # the JIT's tiers and the file cache
$summary = foreach ($i in 1..$Runs) { $w = [Diagnostics.Stopwatch]::StartNew(); $null = $readerType::ReadSession($Path); $mb / $w.Elapsed.TotalSeconds }
$process.Refresh()
$summaryPeak = $process.PeakWorkingSet64 / 1MB
$rows = 0
$allRows = foreach ($i in 1..$Runs) {
    $w = [Diagnostics.Stopwatch]::StartNew()
    $reader = $readerType::new($Path)
    # Counted in .NET: a PowerShell loop over 1.5 million rows would measure the loop.
    try { $rows = [Linq.Enumerable]::Count[object]($reader.ReadEntries($all)) } finally { $reader.Dispose() }
    $mb / $w.Elapsed.TotalSeconds
}
$process.Refresh()
$rowsPeak = $process.PeakWorkingSet64 / 1MB
$cmdlet = foreach ($i in 1..$Runs) { $w = [Diagnostics.Stopwatch]::StartNew(); $null = Get-RevitJournalOperation -LiteralPath $Path | Measure-Object; $mb / $w.Elapsed.TotalSeconds }
$process.Refresh()
'{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}|{8}|{9}' -f $mb, (Median $summary), (Median $allRows), (Median $cmdlet), $rows, $baseline, $summaryPeak, $rowsPeak, ($process.PeakWorkingSet64 / 1MB), ([GC]::GetTotalMemory($true) / 1MB)
'@
$childScript = Join-Path $WorkFolder 'Read-Journal.ps1'
Set-Content -LiteralPath $childScript -Value $child

foreach ($size in $SizesMB) {
    $path = Join-Path $WorkFolder "journal.$size.txt"
    if (-not (Test-Path $path) -or (Get-Item $path).Length -lt ($size * 1MB * 0.99)) { New-Journal -Path $path -Length ($size * 1MB) }
    $line = & $exe @prefix -NoProfile -NonInteractive -File $childScript $ModulePath $path $Runs | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0) { throw "Reading '$path' failed: $line" }
    $f = $line -split '\|'
    [pscustomobject]@{
        Name              = "Journal$($size)MB"
        FileMB            = [math]::Round([double]$f[0], 1)
        SummaryMBPerSec   = [math]::Round([double]$f[1])
        AllRowsMBPerSec   = [math]::Round([double]$f[2])
        CmdletMBPerSec    = [math]::Round([double]$f[3])
        Rows              = [long]$f[4]
        ImportedPeakMB    = [math]::Round([double]$f[5])
        SummaryPeakMB     = [math]::Round([double]$f[6])
        AllRowsPeakMB     = [math]::Round([double]$f[7])
        CmdletPeakMB      = [math]::Round([double]$f[8])
        ManagedHeapMB     = [math]::Round([double]$f[9], 1)
    }
}
