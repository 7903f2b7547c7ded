BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    $script:fixtures = (Resolve-Path (Join-Path $PSScriptRoot '../fixtures/journals')).Path
    $script:j2016 = Join-Path $fixtures 'journal.2016.txt'
    $script:j2025 = Join-Path $fixtures 'journal.2025.txt'

    function New-RisingJournal {
        # A session of $Hours hours whose RAM grows by $MBPerHour every hour (with a little noise).
        param([string] $Path, [int] $Hours = 8, [double] $MBPerHour = 120)
        $lines = @("'C 01-Mar-2025 08:00:00.000;   0:< started recording journal file")
        for ($h = 0; $h -le $Hours; $h++) {
            $lines += "'C 01-Mar-2025 {0:00}:00:00.000;   0:< " -f (8 + $h)
            $ram = 1000 + $MBPerHour * $h + $(if ($h % 2) { -5 } else { 5 })
            $lines += "' 0:< ::$h:: Delta VM: Avail -1 -> 134000000 MB, Used 500 MB; RAM: Avail -1 -> 9000 MB, Used $ram MB"
        }
        [IO.File]::WriteAllLines($Path, [string[]]$lines)
        $Path
    }
}

Describe 'Get-RevitJournal' {
    It 'reads one flat session row per journal of a folder, clean and crashed alike' {
        $sessions = Get-RevitJournal -Path $fixtures
        $sessions.Count | Should -Be 2
        $sessions[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.JournalSession'
        $old, $new = $sessions
        $old.Name | Should -Be 'journal.2016.txt'
        $old.Path | Should -Be $j2016
        $old.RevitVersion | Should -Be '2016'
        $old.Build | Should -Be '20150714_1515(x64)'
        $old.StartedAt | Should -Be ([datetime]'2016-02-02T09:15:02.481')
        $old.EndedCleanly | Should -BeTrue
        $old.ModelsOpened | Should -Be 1
        $old.Commands | Should -Be 2
        $old.PeakRamMB | Should -Be 910
        $old.MemorySamples | Should -Be 4
        $old.SlowestOperation | Should -Be 'standardOpenDocumentFile'
        $old.SlowestOperationSeconds | Should -Be 14.002871
        $new.RevitVersion | Should -Be '2025'
        $new.EndedCleanly | Should -BeFalse
        $new.LastLineIncomplete | Should -BeTrue
        $new.EndedAt | Should -Be ([datetime]'2025-03-10T14:11:30.750')
        $new.PeakRamMB | Should -Be 1175
    }

    It 'finds the sessions that did not end cleanly' {
        $crashed = Get-RevitJournal -Path $fixtures | Where-Object { -not $_.EndedCleanly }
        $crashed.Name | Should -Be 'journal.2025.txt'
    }

    It 'takes files from Get-ChildItem, literal paths and wildcards' {
        (Get-ChildItem $fixtures -Filter 'journal.*.txt' | Get-RevitJournal).Name | Should -Be 'journal.2016.txt', 'journal.2025.txt'
        (Get-RevitJournal -LiteralPath $j2025).Name | Should -Be 'journal.2025.txt'
        (Get-RevitJournal -Path (Join-Path $fixtures 'journal.20?6.txt')).Name | Should -Be 'journal.2016.txt'
        Push-Location $fixtures
        try { (Get-RevitJournal journal.2016.txt).Path | Should -Be $j2016 } finally { Pop-Location }
    }

    It 'keeps the newest journals with -Last and those written since a time with -Since' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'last')
        foreach ($n in 1..4) {
            $copy = Copy-Item $j2016 (Join-Path $folder ('journal.000{0}.txt' -f $n)) -PassThru
            $copy.LastWriteTime = [datetime]'2025-06-01' + [timespan]::FromDays(10 - $n)  # journal.0001 is the newest
        }
        (Get-RevitJournal -Path $folder -Last 2).Name | Should -Be 'journal.0002.txt', 'journal.0001.txt'
        (Get-RevitJournal -Path $folder -Since ([datetime]'2025-06-08T12:00')).Name | Should -Be 'journal.0001.txt', 'journal.0002.txt'
        (Get-RevitJournal -Path $folder -Since ([datetime]'2025-07-01')) | Should -BeNullOrEmpty
    }

    It 'reads the journals folder of every Revit release by default' -Skip:$IsWindows {
        $home2 = Join-Path $TestDrive 'home'
        $share = Join-Path $home2 '.local/share'
        foreach ($year in 2024, 2025) {
            $journals = New-Item -ItemType Directory -Force (Join-Path $share "Autodesk/Revit/Autodesk Revit $year/Journals")
            Copy-Item $j2016 (Join-Path $journals 'journal.0001.txt')
        }
        $script = "Import-Module '$(Get-RevitPerfModulePath)'; Get-RevitJournal | ForEach-Object { `$_.RevitVersion + ' ' + `$_.Name }"
        $result = Invoke-FreshPwsh -Script $script -Environment @{ HOME = $home2; XDG_DATA_HOME = $share }
        $result.Output | Should -Be '2016 journal.0001.txt', '2016 journal.0001.txt'

        $none = Invoke-FreshPwsh -Script "Import-Module '$(Get-RevitPerfModulePath)'; Get-RevitJournal -ErrorVariable e -ErrorAction SilentlyContinue; `$e[0].FullyQualifiedErrorId; `$e[0].TargetObject" `
            -Environment @{ HOME = $TestDrive; XDG_DATA_HOME = (Join-Path $TestDrive 'empty') }
        $none.Output[0] | Should -Be 'JournalNotFound,RevitPerf.PowerShell.Commands.GetRevitJournalCommand'
        $none.Output[1] | Should -Be (Join-Path $TestDrive 'empty/Autodesk/Revit')
    }

    It 'exports to CSV with one scalar column per property' {
        $csv = Get-RevitJournal -LiteralPath $j2016 | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Match '"Name","Path","RevitVersion","Build","StartedAt","EndedAt","Duration","EndedCleanly"'
        $csv[1] | Should -Not -Match 'System\.'
    }

    It 'shows a default table' {
        $text = Get-RevitJournal -Path $fixtures | Format-Table | Out-String -Width 200
        $text | Should -Match 'Clean'
        $text | Should -Match 'journal\.2016\.txt\s+2016'
    }
}

Describe 'Get-RevitJournal errors' {
    It 'reports a missing path as PathNotFound with the path as target' {
        $null = Get-RevitJournal -Path (Join-Path $TestDrive 'nope.txt') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,RevitPerf.PowerShell.Commands.GetRevitJournalCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be (Join-Path $TestDrive 'nope.txt')
    }

    It 'reports a folder without journals as JournalNotFound' {
        $empty = New-Item -ItemType Directory (Join-Path $TestDrive 'nothing')
        $null = Get-RevitJournal -Path $empty -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'JournalNotFound,*'
        "$($errors[0])" | Should -BeLike "*holds no journal*"
    }

    It 'names a file that is not a journal and goes on with the others' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'mixed')
        Copy-Item $j2016 (Join-Path $folder 'journal.0001.txt')
        Set-Content (Join-Path $folder 'journal.0002.txt') -Value ('name,size' , 'Tower.rvt,120')
        [IO.File]::WriteAllBytes((Join-Path $folder 'journal.0003.txt'), [byte[]](0, 1, 2, 3, 255))
        Copy-Item $j2025 (Join-Path $folder 'journal.0004.txt')
        $sessions = Get-RevitJournal -Path $folder -ErrorVariable errors -ErrorAction SilentlyContinue
        $sessions.Name | Should -Be 'journal.0001.txt', 'journal.0004.txt'
        $errors.Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -Be 'JournalInvalid,RevitPerf.PowerShell.Commands.GetRevitJournalCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].TargetObject | Should -Be (Join-Path $folder 'journal.0002.txt')
        "$($errors[0])" | Should -BeLike "*journal.0002.txt' is not a Revit journal*"
        "$($errors[1])" | Should -BeLike '*binary*'
    }

    It 'reports an unreadable journal and goes on' -Skip:($IsWindows -or [Environment]::UserName -eq 'root') {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'locked')
        $locked = Copy-Item $j2016 (Join-Path $folder 'journal.0001.txt') -PassThru
        Copy-Item $j2016 (Join-Path $folder 'journal.0002.txt')
        chmod 000 $locked.FullName
        $sessions = Get-RevitJournal -Path $folder -ErrorVariable errors -ErrorAction SilentlyContinue
        $sessions.Name | Should -Be 'journal.0002.txt'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'JournalReadFailed,*'
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'reports a file that fails while it is read and goes on' -Skip:(-not $IsLinux) {
        # Reading /proc/self/mem from its start is an I/O error on Linux, root or not.
        $sessions = Get-RevitJournal -LiteralPath '/proc/self/mem', $j2016 -ErrorVariable errors -ErrorAction SilentlyContinue
        $sessions.Name | Should -Be 'journal.2016.txt'
        $errors[0].FullyQualifiedErrorId | Should -Be 'JournalReadFailed,RevitPerf.PowerShell.Commands.GetRevitJournalCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ReadError'
        $errors[0].TargetObject | Should -Be '/proc/self/mem'
    }

    It 'refuses a path on another provider' {
        $null = Get-RevitJournal -Path 'Env:\PATH' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
    }

    It 'refuses -Last 0' {
        { Get-RevitJournal -Path $fixtures -Last 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,RevitPerf.PowerShell.Commands.GetRevitJournalCommand'
    }
}

Describe 'Get-RevitJournalMemory' {
    It 'writes one row per memory line with the current figures' {
        $rows = Get-RevitJournalMemory -Path $j2016
        $rows.Count | Should -Be 4
        $rows[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.JournalMemorySample'
        $rows.RamUsedMB | Should -Be 47, 500, 905, 900
        $rows.RamPeakMB | Should -Be 49, 510, 910, 910
        $rows[1].GdiHandles | Should -Be 1100
        $rows[1].UserHandles | Should -Be 480
        $rows[1].Time | Should -Be ([datetime]'2016-02-02T09:15:03.1')
        $rows[3].Step | Should -Be 3
    }

    It 'takes sessions from Get-RevitJournal' {
        $rows = Get-RevitJournal -Path $fixtures | Get-RevitJournalMemory
        $rows.Count | Should -Be 9
        ($rows | Group-Object Journal).Name | Should -Be 'journal.2016.txt', 'journal.2025.txt'
    }

    It 'streams: the first row of a large journal comes without reading the rest' {
        $big = Join-Path $TestDrive 'journal.big.txt'
        $body = (Get-Content $j2016 | Select-Object -Skip 13 -First 26) -join "`r`n"
        $writer = [IO.StreamWriter]::new($big)
        try { $writer.WriteLine((Get-Content $j2016 -TotalCount 13) -join "`r`n"); foreach ($i in 1..5000) { $writer.WriteLine($body) } } finally { $writer.Dispose() }
        $first = Get-RevitJournalMemory -LiteralPath $big | Select-Object -First 1
        $first.RamUsedMB | Should -Be 47
        (Get-RevitJournal -LiteralPath $big).MemorySamples | Should -Be 15001
    }
}

Describe 'Get-RevitJournalOperation' {
    It 'writes the timed steps with depth, seconds, marker and model path' {
        $ops = Get-RevitJournalOperation $j2016
        $ops.Count | Should -Be 4
        $ops[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.JournalOperation'
        $ops.Name | Should -Be 'loadSerialize', 'standardOpenDocumentFile', 'BIG_GAP openOntoDesktop', 'regenerate'
        $ops[1].Marker | Should -Be '--'
        $ops[1].ModelPath | Should -Be 'C:\Projects\Tower.rvt'
        $ops[1].Depth | Should -Be 1
    }

    It 'keeps steps of at least -MinimumSeconds, or those Revit marked with -Slow' {
        (Get-RevitJournalOperation $j2016 -MinimumSeconds 3.6).Seconds | Should -Be 5.120334, 14.002871
        (Get-RevitJournalOperation $j2016 -Slow).Marker | Should -Be '--', '!!!', '!'
    }
}

Describe 'Get-RevitJournalEvent' {
    It 'writes commands, dialogs, data and model opens, decoding Windows-1252' {
        $events = Get-RevitJournalEvent $j2025
        $events[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.JournalEvent'
        $open = $events | Where-Object Kind -EQ 'ModelOpened'
        $open.Name | Should -Be "C:\Projekte\B$([char]0xFC)rogeb$([char]0xE4)ude $([char]0x2013) Entwurf $([char]0x20AC).rvt"
        ($events | Where-Object Kind -EQ 'Dialog').Name | Should -BeLike "$([char]0xC9)l$([char]0xE9)ment introuvable*"
    }

    It 'keeps the kinds -Kind names' {
        $commands = Get-RevitJournalEvent $j2016 -Kind Command
        $commands.Name | Should -Be 'Open an existing project', 'Save the active project'
        $commands.Detail | Should -Be 'ID_REVIT_FILE_OPEN', 'ID_REVIT_SAVE_PROJECT'
        $commands.Source | Should -Be 'Ribbon', 'KeyboardShortcut'
        (Get-RevitJournalEvent $j2016 -Kind SessionStarted, SessionEnded).Kind | Should -Be 'SessionStarted', 'SessionEnded'
    }

    It 'refuses a kind that does not exist' {
        { Get-RevitJournalEvent $j2016 -Kind Crash } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,RevitPerf.PowerShell.Commands.GetRevitJournalEventCommand'
    }
}

Describe 'Get-RevitMemoryReport -Journal' {
    It 'fits the growth per hour of a session and suspects a leak' {
        $path = New-RisingJournal -Path (Join-Path $TestDrive 'journal.0100.txt')
        $report = Get-RevitJournal -LiteralPath $path | Get-RevitMemoryReport
        $report.PSObject.TypeNames[0] | Should -Be 'RevitPerf.MemoryReport'
        $report.Monitor | Should -Be 'journal.0100.txt'
        $report.ProcessName | Should -Be 'Revit'
        $report.Samples | Should -Be 9
        [math]::Round($report.GrowthMBPerHour) | Should -Be 120
        $report.Trend | Should -Be 'Rising'
        $report.LeakSuspected | Should -BeTrue
    }

    It 'says Stable for a level session' {
        $path = New-RisingJournal -Path (Join-Path $TestDrive 'journal.0101.txt') -MBPerHour 0
        (Get-RevitMemoryReport -Journal (Get-RevitJournal -LiteralPath $path)).Trend | Should -Be 'Stable'
    }

    It 'reports a journal with too few memory figures' {
        $path = New-RisingJournal -Path (Join-Path $TestDrive 'journal.0102.txt') -Hours 1
        $session = Get-RevitJournal -LiteralPath $path
        $null = $session | Get-RevitMemoryReport -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'JournalMemoryTooShort,RevitPerf.PowerShell.Commands.GetRevitMemoryReportCommand'
        $errors[0].TargetObject.Path | Should -Be $path
    }
}
