BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    $script:start = Get-TestRunStart
    $env:REVITPERF_SPOOL_DIRECTORY = Join-Path $TestDrive 'spool'
    $script:result = Invoke-RevitBenchmark -Name Doubling -ScriptBlock { $null = foreach ($i in 1..50) { $i * 2 } } -Iterations 10
}

Describe 'Publish-RevitPerformanceResult' {
    It 'stores a run once, however often it is published' {
        $store = Join-Path $TestDrive 'once'
        $first = $result | Publish-RevitPerformanceResult -Store $store -Tag 'commit=abc'
        $first.PSObject.TypeNames[0] | Should -Be 'RevitPerf.PublishedRun'
        $first.Added | Should -BeTrue
        $first.Items | Should -Be 1
        $first.Kind | Should -Be 'BenchmarkRun'
        $first.Tags | Should -Be 'commit=abc'
        ($result | Publish-RevitPerformanceResult -Store $store).Added | Should -BeFalse
        @(Get-ChildItem $store).Count | Should -Be 1
        $row = Get-RevitBenchmarkHistory -Store $store
        $row.Name | Should -Be 'Doubling'
        $row.MeanMs | Should -Be $result.MeanMs
        $row.User | Should -Be ([Environment]::UserName)
        $row.Tags | Should -Be 'commit=abc'
    }

    It 'publishes a results file as the same run its objects make' {
        $results = Join-Path $TestDrive 'results'
        Set-RevitPerformanceConfig -SaveResults $true -ResultsDirectory $results
        try { $run = Invoke-RevitBenchmark -Name Doubling -ScriptBlock { $null = 1 } -Iterations 5 } finally { Reset-RevitPerformanceConfig }
        $store = Join-Path $TestDrive 'fromfile'
        (Get-ChildItem $results -Filter 'benchmark_results_*.json' | Publish-RevitPerformanceResult -Store $store).Added | Should -BeTrue
        ($run | Publish-RevitPerformanceResult -Store $store).Added | Should -BeFalse
    }

    It 'publishes as Invoke-RevitBenchmark finishes, to the results_store setting by default' {
        $store = Join-Path $TestDrive 'configured'
        Set-RevitPerformanceConfig -ResultsStore $store
        try {
            $null = Invoke-RevitBenchmark -Name Tagged -ScriptBlock { $null = 1 } -Iterations 5 -Publish -Tag 'nightly'
            (Get-RevitBenchmarkHistory -Tag nightly).Name | Should -Be 'Tagged'
        }
        finally { Reset-RevitPerformanceConfig }
    }

    It 'reports what it cannot publish and publishes the rest' {
        $store = Join-Path $TestDrive 'mixed'
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content $broken '{ "benchmarks": ['
        $out = @($result, 'nope.json', $broken, (Get-Date)) | Publish-RevitPerformanceResult -Store $store -ErrorVariable errors -ErrorAction SilentlyContinue
        $out.Added | Should -BeTrue
        $errors.FullyQualifiedErrorId | Should -Be @(
            'PathNotFound,RevitPerf.PowerShell.Commands.PublishRevitPerformanceResultCommand',
            'BenchmarkResultInvalid,RevitPerf.PowerShell.Commands.PublishRevitPerformanceResultCommand',
            'PublishInputInvalid,RevitPerf.PowerShell.Commands.PublishRevitPerformanceResultCommand')
        "$($errors[1])" | Should -BeLike '*broken.json*malformed JSON*'
    }

    It 'keeps memory snapshots and journal sessions as files, once each' {
        $store = Join-Path $TestDrive 'others'
        $snapshotType = Get-RevitPerfCoreType 'RevitPerf.Core.Memory.MemorySnapshot'
        $snapshots = foreach ($i in 0..4) { $s = $snapshotType::new(); $s.Monitor = 'Revit'; $s.ProcessId = 7; $s.Timestamp = $start.AddMinutes($i); $s.WorkingSetMB = 100 + $i; $s }
        $out = $snapshots | Publish-RevitPerformanceResult -Store $store
        ($out.Kind, $out.Items, $out.Added) | Should -Be 'MemorySnapshots', 5, $true
        ($snapshots | Publish-RevitPerformanceResult -Store $store).Added | Should -BeFalse
        $sessions = Get-RevitJournal -Path (Join-Path $PSScriptRoot '../fixtures/journals')
        ($sessions | Publish-RevitPerformanceResult -Store $store).Added | Should -Be $true, $true
        ($sessions | Publish-RevitPerformanceResult -Store $store).Added | Should -Be $false, $false
        @(Get-ChildItem $store -Filter 'revitperf_snapshots_*.json').Count | Should -Be 1
        $files = @(Get-ChildItem $store -Filter 'revitperf_session_*.json')
        $files.Count | Should -Be 2
        ($files | ForEach-Object { (Get-Content -Raw $_.FullName | ConvertFrom-Json).ended_cleanly } | Sort-Object) | Should -Be $false, $true
        Get-RevitBenchmarkHistory -Store $store | Should -BeNullOrEmpty   # the history is of benchmark runs
    }

    It 'publishes nothing with -WhatIf' {
        $store = Join-Path $TestDrive 'whatif'
        $result | Publish-RevitPerformanceResult -Store $store -WhatIf
        $store | Should -Not -Exist
    }
}

Describe 'Get-RevitBenchmarkHistory' {
    It 'keeps every run of two machines publishing at once' {
        $store = Join-Path $TestDrive 'fleet'
        $null = New-Item -ItemType Directory $store
        $staging = Join-Path $TestDrive 'staging'
        $null = New-Item -ItemType Directory $staging
        $files = @(New-Series -Folder $staging -Machine 'BATCH01' -Count 30 -Noise 3 -Seed 1) + @(New-Series -Folder $staging -Machine 'BATCH02' -Count 30 -Noise 3 -Seed 2)
        $module = Get-RevitPerfModulePath
        # Each "machine" publishes all the files (its own and, through the shared folder, the other's) at once.
        $files, $files | ForEach-Object -Parallel {
            Import-Module $using:module
            $_ | Publish-RevitPerformanceResult -Store $using:store | Out-Null
        } -ThrottleLimit 2
        $rows = Get-RevitBenchmarkHistory -Store $store
        $rows.Count | Should -Be 60
        @($rows.RunId | Sort-Object -Unique).Count | Should -Be 60
        @($rows | Where-Object Machine -EQ 'BATCH02').Count | Should -Be 30
    }

    It 'selects by name, machine, time and tag' {
        $store = Join-Path $TestDrive 'select'
        $null = New-Item -ItemType Directory $store
        foreach ($i in 0..5) { $null = New-RunFile -Folder $store -Machine ($i % 2 ? 'CI-AGENT' : 'BATCH01') -Index $i -MedianMs (10 + $i) -Tags $(if ($i -ge 3) { 'new' } else { 'old' }) }
        @(Get-RevitBenchmarkHistory -Store $store -Name 'op*').Count | Should -Be 6
        @(Get-RevitBenchmarkHistory -Store $store -Name 'nothing*').Count | Should -Be 0
        @(Get-RevitBenchmarkHistory -Store $store -Machine 'batch*').Count | Should -Be 3
        @(Get-RevitBenchmarkHistory -Store $store -Since $start.AddHours(48).ToLocalTime()).Count | Should -Be 2
        (Get-RevitBenchmarkHistory -Store $store -Tag NEW).MedianMs | Should -Be 13, 14, 15
        $first = Get-RevitBenchmarkHistory -Store $store | Select-Object -First 1
        $first.PSObject.TypeNames[0] | Should -Be 'RevitPerf.BenchmarkHistoryRow'
        $first.Time | Should -Be $start
    }

    It 'finds a planted step at the run where it happened, and nothing in a flat noisy series' {
        $store = Join-Path $TestDrive 'trend'
        $null = New-Item -ItemType Directory $store
        $null = New-Series -Folder $store -Machine 'STEPPED' -Count 40 -Noise 4 -StepAt 21 -StepPercent 30 -Seed 3
        $null = New-Series -Folder $store -Machine 'FLAT' -Count 40 -Noise 8 -Seed 4
        $steps = Get-RevitBenchmarkHistory -Store $store -Trend
        $steps.Count | Should -Be 1
        $steps[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.BenchmarkTrendStep'
        $steps[0].Machine | Should -Be 'STEPPED'
        $steps[0].Direction | Should -Be 'Up'
        $steps[0].Time | Should -Be $start.AddHours(12 * 21)
        $steps[0].ChangePercent | Should -BeGreaterThan 20
        Get-RevitBenchmarkHistory -Store $store -Trend -Machine FLAT | Should -BeNullOrEmpty
    }

    It 'names a damaged file and returns the rest' {
        $store = Join-Path $TestDrive 'damaged'
        $null = New-Item -ItemType Directory $store
        $null = New-RunFile -Folder $store -Machine 'BATCH01' -Index 0 -MedianMs 10
        Set-Content (Join-Path $store 'revitperf_run_damaged.json') '{ "benchmarks": [ { "name": "x", "mean_ms": "fast" } ] }'
        $rows = Get-RevitBenchmarkHistory -Store $store -ErrorVariable errors -ErrorAction SilentlyContinue
        @($rows).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'StoreFileInvalid,RevitPerf.PowerShell.Commands.GetRevitBenchmarkHistoryCommand'
        $errors[0].TargetObject | Should -BeLike '*revitperf_run_damaged.json'
    }

    It 'shows default tables' {
        $store = Join-Path $TestDrive 'select'
        (Get-RevitBenchmarkHistory -Store $store | Format-Table | Out-String -Width 200) | Should -Match 'Machine\s+Suite\s+Name'
    }
}
