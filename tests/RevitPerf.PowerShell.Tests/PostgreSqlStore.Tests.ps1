# The PostgreSQL results store against a real server: build.ps1 -Task Test (and so .ci/run) starts one and sets
# REVITPERF_TEST_POSTGRES*; without it these tests are skipped with a warning from the build.
BeforeDiscovery {
    $script:noServer = -not $env:REVITPERF_TEST_POSTGRES
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../build/TestPostgres.psm1') -Force
    Import-RevitPerfUnderTest
    $script:pg = $env:REVITPERF_TEST_POSTGRES
    $script:secret = $env:REVITPERF_TEST_POSTGRES_PASSWORD
    $env:PGPASSWORD = $secret   # Npgsql reads it: no password on any command line below but where one is tested
    $env:REVITPERF_SPOOL_DIRECTORY = Join-Path $TestDrive 'spool'
    $script:spoolType = Get-RevitPerfCoreType 'RevitPerf.Core.Storage.ResultsSpool'
    $script:start = Get-TestRunStart

    function Clear-Store {
        Invoke-TestPostgresSql 'DO $$ BEGIN IF to_regclass(''revitperf_runs'') IS NOT NULL THEN TRUNCATE revitperf_runs CASCADE; END IF; END $$' | Out-Null
        Remove-Item -Recurse -Force $env:REVITPERF_SPOOL_DIRECTORY -ErrorAction SilentlyContinue
    }

    function Get-SpoolFolder([string] $Description) { $spoolType::new($Description, $env:REVITPERF_SPOOL_DIRECTORY).Folder }

    $script:description = 'PostgreSQL revitperf@127.0.0.1:55433/revitperf_test'
    $script:module = Get-RevitPerfModulePath
    $script:result = Invoke-RevitBenchmark -Name Doubling -ScriptBlock { $null = foreach ($i in 1..50) { $i * 2 } } -Iterations 10
}

AfterAll {
    if ($env:REVITPERF_TEST_POSTGRES_DATA) { try { Restart-TestPostgres } catch { Write-Verbose "$_" } }
    Remove-Item Env:PGPASSWORD -ErrorAction SilentlyContinue
}

Describe 'The PostgreSQL results store' -Skip:$noServer {
    BeforeEach { Clear-Store }

    It 'creates its versioned schema on first use and stores a run once' {
        $first = $result | Publish-RevitPerformanceResult -Store $pg -Tag 'commit=abc'
        $first.Added | Should -BeTrue
        $first.Store | Should -Be $description
        ($result | Publish-RevitPerformanceResult -Store $pg).Added | Should -BeFalse
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_runs' | Should -Be 1
        Invoke-TestPostgresSql 'SELECT max(version) FROM revitperf_schema' | Should -Be 2
        Invoke-TestPostgresSql 'SELECT array_length(samples_ms, 1) FROM revitperf_benchmarks' | Should -Be $result.Iterations
        $row = Get-RevitBenchmarkHistory -Store $pg
        $row.Name | Should -Be 'Doubling'
        $row.MeanMs | Should -Be $result.MeanMs
        $row.Tags | Should -Be 'commit=abc'
        [math]::Abs(($row.Time - $result.Timestamp.ToUniversalTime()).TotalMilliseconds) | Should -BeLessThan 0.001   # PostgreSQL keeps microseconds
    }

    It 'migrates a version 1 schema to version 2 on first use' {
        $null = $result | Publish-RevitPerformanceResult -Store $pg
        Invoke-TestPostgresSql 'DROP TABLE revitperf_memory_snapshots; DROP TABLE revitperf_journal_sessions; DELETE FROM revitperf_schema WHERE version = 2' | Out-Null
        Clear-Store
        ($result | Publish-RevitPerformanceResult -Store $pg).Added | Should -BeTrue   # a new process would see version 1
        Invoke-TestPostgresSql "SELECT count(*) FROM pg_tables WHERE tablename IN ('revitperf_memory_snapshots', 'revitperf_journal_sessions')" | Should -Be 2
        Invoke-TestPostgresSql 'SELECT string_agg(version::text, '','' ORDER BY version) FROM revitperf_schema' | Should -Be '1,2'
    }

    It 'stores memory snapshots and journal sessions once each' {
        $snapshotType = Get-RevitPerfCoreType 'RevitPerf.Core.Memory.MemorySnapshot'
        $snapshots = foreach ($i in 0..9) {
            $s = $snapshotType::new(); $s.Monitor = 'Revit'; $s.ProcessId = 4242; $s.ProcessName = 'Revit'
            $s.Timestamp = $start.AddSeconds(10 * $i); $s.WorkingSetMB = 2000 + $i; $s.PrivateMemoryMB = 2500; $s.HandleCount = 900; $s.ThreadCount = 60
            $s
        }
        $first = $snapshots | Publish-RevitPerformanceResult -Store $pg -Tag night
        $first.Kind | Should -Be 'MemorySnapshots'
        $first.Items | Should -Be 10
        ($snapshots | Publish-RevitPerformanceResult -Store $pg).Added | Should -BeFalse
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_memory_snapshots' | Should -Be 10
        $sessions = Get-RevitJournal -Path (Join-Path $PSScriptRoot '../fixtures/journals')
        (($sessions | Publish-RevitPerformanceResult -Store $pg).Added) | Should -Be $true, $true
        (($sessions | Publish-RevitPerformanceResult -Store $pg).Added) | Should -Be $false, $false
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_journal_sessions' | Should -Be 2
        Invoke-TestPostgresSql "SELECT ended_cleanly::text || ' ' || peak_ram_mb FROM revitperf_journal_sessions ORDER BY journal_path" | Should -Be 'true 910', 'false 1175'
        Invoke-TestPostgresSql 'DELETE FROM revitperf_memory_snapshots; DELETE FROM revitperf_journal_sessions' | Out-Null
    }

    It 'takes a postgresql:// URI' {
        ($result | Publish-RevitPerformanceResult -Store 'postgresql://revitperf@127.0.0.1:55433/revitperf_test').Added | Should -BeTrue
        @(Get-RevitBenchmarkHistory -Store 'postgres://revitperf@127.0.0.1:55433/revitperf_test?sslmode=prefer').Count | Should -Be 1
    }

    It 'loses and duplicates nothing when two machines publish at once' {
        $staging = New-Item -ItemType Directory (Join-Path $TestDrive ('stage' + [guid]::NewGuid().ToString('N')))
        $files = @(New-Series -Folder $staging -Machine 'BATCH01' -Count 30 -Noise 3 -Seed 1) + @(New-Series -Folder $staging -Machine 'BATCH02' -Count 30 -Noise 3 -Seed 2)
        $module = Get-RevitPerfModulePath
        $store = $pg
        $files, $files | ForEach-Object -Parallel {
            $env:PGPASSWORD = $using:secret
            Import-Module $using:module
            $_ | Publish-RevitPerformanceResult -Store $using:store | Out-Null
        } -ThrottleLimit 2
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_runs' | Should -Be 60
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_benchmarks' | Should -Be 60
        $rows = Get-RevitBenchmarkHistory -Store $pg -Machine 'BATCH*'
        @($rows.RunId | Sort-Object -Unique).Count | Should -Be 60
    }

    It 'finds a planted step at the right run and nothing in a flat noisy series' {
        $staging = New-Item -ItemType Directory (Join-Path $TestDrive ('trend' + [guid]::NewGuid().ToString('N')))
        $files = @(New-Series -Folder $staging -Machine 'STEPPED' -Count 40 -Noise 4 -StepAt 21 -StepPercent 30 -Seed 3) + @(New-Series -Folder $staging -Machine 'FLAT' -Count 40 -Noise 8 -Seed 4)
        $files | Publish-RevitPerformanceResult -Store $pg | Out-Null
        $steps = @(Get-RevitBenchmarkHistory -Store $pg -Trend)
        $steps.Count | Should -Be 1
        $steps[0].Machine | Should -Be 'STEPPED'
        $steps[0].Time | Should -Be $start.AddHours(12 * 21)
        @(Get-RevitBenchmarkHistory -Store $pg -Since $start.AddHours(12 * 30).ToLocalTime() -Machine FLAT).Count | Should -Be 10
    }

    It 'spools a run while the server is down and sends it after the restart' {
        Stop-TestPostgres
        try {
            $out = $result | Publish-RevitPerformanceResult -Store $pg -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $errors | Should -BeNullOrEmpty
            "$warnings" | Should -BeLike '*spooled*next publish*'
            @(Get-ChildItem (Get-SpoolFolder $description) -Filter 'revitperf_run_*.json').Count | Should -Be 1
            { Get-RevitBenchmarkHistory -Store $pg -ErrorAction Stop } | Should -Throw -ErrorId 'StoreReadFailed,RevitPerf.PowerShell.Commands.GetRevitBenchmarkHistoryCommand'
        }
        finally { Restart-TestPostgres }
        $other = Invoke-RevitBenchmark -Name Other -ScriptBlock { $null = 1 } -Iterations 5
        $sent = $other | Publish-RevitPerformanceResult -Store $pg
        @($sent).Count | Should -Be 2   # the spooled run first, then this one
        ($sent.Added | Where-Object { $_ }).Count | Should -Be 2
        @(Get-ChildItem (Get-SpoolFolder $description) -Filter 'revitperf_run_*.json').Count | Should -Be 0
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_runs' | Should -Be 2
    }

    It 'rolls back a run whose server dies mid-publish, spools it, and stores it whole after the restart' {
        $null = $result | Publish-RevitPerformanceResult -Store $pg   # the schema exists
        Clear-Store
        # A trigger holds the transaction open on one benchmark, so the server is stopped while the run is half written.
        Invoke-TestPostgresSql 'CREATE OR REPLACE FUNCTION revitperf_test_slow() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$ LANGUAGE plpgsql' | Out-Null
        Invoke-TestPostgresSql "CREATE TRIGGER revitperf_test_slow BEFORE INSERT ON revitperf_benchmarks FOR EACH ROW WHEN (NEW.name = 'Open') EXECUTE FUNCTION revitperf_test_slow()" | Out-Null
        try {
            $staging = New-Item -ItemType Directory (Join-Path $TestDrive ('dies' + [guid]::NewGuid().ToString('N')))
            $file = New-RunFile -Folder $staging -Machine 'BATCH07' -Index 3 -MedianMs 12
            $job = Start-ThreadJob -ScriptBlock {
                $env:PGPASSWORD = $using:secret
                $env:REVITPERF_SPOOL_DIRECTORY = $using:env:REVITPERF_SPOOL_DIRECTORY
                Import-Module $using:module
                $using:file | Publish-RevitPerformanceResult -Store $using:pg 3>&1
            } -ArgumentList @() -StreamingHost $null
            # Stopped once the run is inside its transaction (the trigger's sleep shows in pg_stat_activity), however busy the machine.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Invoke-TestPostgresSql "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") -ne '1' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Invoke-TestPostgresSql "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'" | Should -Be 1
            Stop-TestPostgres
            $output = $job | Wait-Job -Timeout 60 | Receive-Job
            "$output" | Should -BeLike '*spooled*'
        }
        finally {
            Remove-Job $job -Force -ErrorAction SilentlyContinue
            Restart-TestPostgres
            Invoke-TestPostgresSql 'DROP TRIGGER IF EXISTS revitperf_test_slow ON revitperf_benchmarks; DROP FUNCTION IF EXISTS revitperf_test_slow()' | Out-Null
        }
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_runs' | Should -Be 0   # rolled back, not half there
        @(Get-ChildItem (Get-SpoolFolder $description) -Filter 'revitperf_run_*.json').Count | Should -Be 1
        $sent = $result | Publish-RevitPerformanceResult -Store $pg
        @($sent).Count | Should -Be 2
        Invoke-TestPostgresSql "SELECT count(*) FROM revitperf_benchmarks b JOIN revitperf_runs r USING (run_id) WHERE r.machine = 'BATCH07'" | Should -Be 1
    }

    It 'sets a damaged spool file aside with an error naming it and sends the rest' {
        $folder = Get-SpoolFolder $description
        $null = New-Item -ItemType Directory -Force $folder
        $null = New-RunFile -Folder $folder -Machine 'BATCH09' -Index 1 -MedianMs 10
        $broken = Join-Path $folder 'revitperf_run_0000broken.json'
        Set-Content $broken '{ "schema": "revitperf-run", "benchmarks": ['
        $sent = $result | Publish-RevitPerformanceResult -Store $pg -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'SpoolFileInvalid,RevitPerf.PowerShell.Commands.PublishRevitPerformanceResultCommand'
        $errors[0].TargetObject | Should -Be $broken
        "$broken.invalid" | Should -Exist
        @($sent).Count | Should -Be 2
        Invoke-TestPostgresSql 'SELECT count(*) FROM revitperf_runs' | Should -Be 2
    }

    It 'spools with an AuthenticationError when the password is wrong' {
        $env:PGPASSWORD = 'wrong'
        # Its own Application Name: a pooled connection of this process, authenticated before, would not ask again.
        try {
            $null = $result | Publish-RevitPerformanceResult -Store "$pg;Application Name=wrongpassword" -ErrorVariable errors -ErrorAction SilentlyContinue
            # With a run waiting in the spool, the next run is refused for the same cause, said as an error, not a mere warning.
            $other = Invoke-RevitBenchmark -Name Other -ScriptBlock { $null = 1 } -Iterations 5
            $null = $other | Publish-RevitPerformanceResult -Store "$pg;Application Name=wrongpassword" -ErrorVariable again -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        finally { $env:PGPASSWORD = $secret }
        $again[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $errors[0].FullyQualifiedErrorId | Should -Be 'StorePublishFailed,RevitPerf.PowerShell.Commands.PublishRevitPerformanceResultCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($errors[0])" | Should -BeLike '*28P01*'
        @(Get-ChildItem (Get-SpoolFolder $description) -Filter 'revitperf_run_*.json').Count | Should -Be 2   # the same store: one spool
    }

    It 'spools with PermissionDenied when the role may not write the tables' {
        $null = $result | Publish-RevitPerformanceResult -Store $pg   # the schema exists
        Clear-Store
        $limited = $pg -replace 'Username=revitperf', 'Username=revitperf_norights'
        $null = $result | Publish-RevitPerformanceResult -Store $limited -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        "$($errors[0])" | Should -BeLike '*42501*'
    }

    It 'lets the documented least-privilege role insert and read, and nothing else' {
        $null = $result | Publish-RevitPerformanceResult -Store $pg   # the owner creates the schema
        Clear-Store
        $doc = Get-Content -Raw (Join-Path $PSScriptRoot '../../docs/en-US/about_RevitPerf_Storage.md')
        $sql = [regex]::Match($doc, '(?s)```sql\r?\n(.*?)```').Groups[1].Value -replace 'CHANGE-ME', $secret
        foreach ($statement in ($sql -split ';\s*\r?\n' | Where-Object { $_.Trim() -and -not $_.Trim().StartsWith('--') })) { Invoke-TestPostgresSql $statement | Out-Null }
        $publisher = $pg -replace 'Username=revitperf', 'Username=revitperf_publisher'
        ($result | Publish-RevitPerformanceResult -Store $publisher).Added | Should -BeTrue
        @(Get-RevitBenchmarkHistory -Store $publisher).Count | Should -Be 1
        { Invoke-TestPostgresSql 'SET ROLE revitperf_publisher; DELETE FROM revitperf_runs' } | Should -Throw '*permission denied*'
        Invoke-TestPostgresSql 'DROP OWNED BY revitperf_publisher; DROP ROLE revitperf_publisher' | Out-Null
    }

    It 'shows no password in any stream, error or object' {
        $withPassword = "$pg;Password=$secret"
        $all = & {
            $result | Publish-RevitPerformanceResult -Store $withPassword -Verbose
            $result | Publish-RevitPerformanceResult -Store ($withPassword -replace 'Port=55433', 'Port=1') -Verbose
            Get-RevitBenchmarkHistory -Store $withPassword -Verbose | Out-Null
            try { Get-RevitBenchmarkHistory -Store ($withPassword -replace 'Port=55433', 'Port=1') -ErrorAction Stop } catch { $_ }
            try { Set-RevitPerformanceConfig -ResultsStore $withPassword -ErrorAction Stop } catch { $_ }
            try { Get-RevitBenchmarkHistory -Store "Host=127.0.0.1;Password=$secret;Bogus Key=1" -ErrorAction Stop } catch { $_ }
        } *>&1
        $text = ($all | ForEach-Object {
            if ($_ -is [Management.Automation.ErrorRecord]) { "$_ $($_.TargetObject) $($_.Exception) $($_.Exception.InnerException) $($_.ErrorDetails)" }
            elseif ($_ -is [Management.Automation.InformationalRecord]) { $_.Message }
            else { $_ | Format-List * | Out-String }
        }) -join "`n"
        $text | Should -Match 'spooled'   # the warning of the unreachable port is there
        $text | Should -Match 'StorePasswordInConfiguration|holds a password'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $exported = Join-Path $TestDrive 'c.yaml'
        Export-RevitPerformanceConfig -Path $exported
        Get-Content -Raw $exported | Should -Not -Match ([regex]::Escape($secret))
        foreach ($file in Get-ChildItem $env:REVITPERF_SPOOL_DIRECTORY -Recurse -File) { Get-Content -Raw $file.FullName | Should -Not -Match ([regex]::Escape($secret)) }
    }
}
