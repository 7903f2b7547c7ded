<#
.SYNOPSIS
    Every run kept, its history read back, and one HTML report of it all.
.DESCRIPTION
    Runs the Cache suite, publishes the run to a results store (a folder here; a shared folder or a PostgreSQL
    connection string serves a fleet: see about_RevitPerf_Storage), lists the stored history with any steps in it,
    and writes a self-contained HTML report of the run, the memory of this session and the project's test journals.
.EXAMPLE
    ./examples/Use-RevitPerfHistory.ps1 -Store ./perf-store -Report ./perf.html
#>
param(
    [string] $Store = (Join-Path ([IO.Path]::GetTempPath()) 'revitperf-example-store'),
    [string] $Report = (Join-Path ([IO.Path]::GetTempPath()) 'revitperf-example-report.html'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# One run of the Cache suite, published as it finishes, tagged with where it came from.
$results = Invoke-RevitBenchmark -Suite Cache -Publish -Store $Store -Tag 'example', "host=$([Environment]::MachineName)"
$results | Format-Table

# Every stored run, and the steps in the history (a step needs about ten runs on each side before it shows).
Get-RevitBenchmarkHistory -Store $Store | Format-Table
Get-RevitBenchmarkHistory -Store $Store -Trend | Format-Table

# One file to mail: the run, this session's memory, and Revit sessions read from journals.
$monitor = Start-RevitMemoryMonitor -MonitorName Example -IntervalSeconds 0.5 -PassThru
Start-Sleep -Seconds 3
$snapshots = Get-RevitMemorySnapshot -Monitor Example
Stop-RevitMemoryMonitor Example
$journals = Get-RevitJournal -Path (Join-Path $PSScriptRoot '../tests/fixtures/journals')
@($results) + $snapshots + $monitor + $journals | Export-RevitPerformanceReport -Path $Report -Title 'RevitPerf example' -PassThru
