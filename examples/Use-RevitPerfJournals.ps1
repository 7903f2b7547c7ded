<#
.SYNOPSIS
    A morning look at last night's Revit sessions, from the journals Revit wrote.
.EXAMPLE
    ./examples/Use-RevitPerfJournals.ps1                                   # this machine's journals folders
    ./examples/Use-RevitPerfJournals.ps1 -Path \\batch01\c$\Users\svc\AppData\Local\Autodesk\Revit\*\Journals
    ./examples/Use-RevitPerfJournals.ps1 -Path ./tests/fixtures/journals   # the project's own test journals
#>
param(
    [string[]] $Path,
    [datetime] $Since = [datetime]::MinValue,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$selection = @{ Since = $Since }
if ($Path) { $selection.Path = $Path }
$sessions = @(Get-RevitJournal @selection)
"$($sessions.Count) sessions"
$sessions | Format-Table

# Sessions that crashed, were killed or are still running: what they did last.
foreach ($session in $sessions | Where-Object { -not $_.EndedCleanly }) {
    "$($session.Name) stopped at $($session.EndedAt) without finishing; its last events:"
    $session | Get-RevitJournalEvent -Kind Command, ModelOpened, ModelSaved, Dialog | Select-Object -Last 5 | Format-Table
}

# The slowest steps of all sessions, and the sessions whose RAM kept growing.
$sessions | Get-RevitJournalOperation -MinimumSeconds 1 | Sort-Object Seconds -Descending | Select-Object -First 10 | Format-Table
$sessions | Get-RevitMemoryReport -ErrorAction SilentlyContinue | Where-Object LeakSuspected | Format-Table

# RAM over every session, for a chart in Excel (Export-Excel from ImportExcel takes the same rows).
$csv = Join-Path ([IO.Path]::GetTempPath()) 'revit-journal-memory.csv'
$sessions | Get-RevitJournalMemory | Export-Csv $csv -NoTypeInformation
"Memory figures written to $csv"
