BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest

    function New-BenchmarkFile {
        param([Parameter(Mandatory)] [string] $RelativePath, [Parameter(Mandatory)] [string] $Text)
        $path = Join-Path $TestDrive $RelativePath
        $null = New-Item -ItemType Directory -Path (Split-Path $path) -Force
        Set-Content -LiteralPath $path -Value $Text
        $path
    }
}

Describe 'Invoke-RevitBenchmark' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Set-RevitPerformanceConfig -SaveResults $false
    }

    Context 'an ad hoc script block' {
        It 'writes one flat result with the statistics, the environment and the type name RevitPerf.BenchmarkResult' {
            $result = Invoke-RevitBenchmark -Name Sum -ScriptBlock { 1 + 1 } -Iterations 12 -WarmupIterations 0 -Rounds 1
            $result | Should -HaveCount 1
            $result.PSObject.TypeNames[0] | Should -Be 'RevitPerf.BenchmarkResult'
            $names = $result.PSObject.Properties.Name
            $names[0..1] | Should -Be @('Name', 'Suite')
            $result.Name | Should -Be 'Sum'
            $result.Suite | Should -Be 'AdHoc'
            $result.Iterations | Should -Be 12
            $result.SuccessRate | Should -Be 1
            $result.InvocationsPerIteration | Should -BeGreaterThan 1
            $result.MinMs | Should -BeLessOrEqual $result.MedianMs
            $result.MedianMs | Should -BeLessOrEqual $result.MaxMs
            $result.GetSamplesMs() | Should -HaveCount 12
            $result.PowerShellVersion | Should -Be $PSVersionTable.PSVersion.ToString()
            $result.PowerShellEdition | Should -Be $PSEdition
            $result.ModuleVersion | Should -Be (Get-Module RevitPerf).Version.ToString()
            $result.MachineName | Should -Be ([Environment]::MachineName)
            $result.MetTargets | Should -BeTrue
        }

        It 'dot-sources the setup so its variables, and the caller''s, are visible to the operation and validation' {
            $offset = 5
            $result = Invoke-RevitBenchmark -Name Scoped -Setup { $base = 10 } -ScriptBlock { $base + $offset } -Validate { $_ -eq 15 -and $args[0] -eq 15 } -Iterations 3 -WarmupIterations 0
            $result.Error | Should -BeNullOrEmpty
            $result.SuccessRate | Should -Be 1
        }

        It 'fails validation when the validation block returns false' {
            $result = Invoke-RevitBenchmark -Name Wrong -ScriptBlock { 41 } -Validate { $_ -eq 42 } -Iterations 3 -WarmupIterations 0 -WarningAction SilentlyContinue
            $result.Error | Should -BeLike 'Validation failed:*'
            $result.MetTargets | Should -BeFalse
        }

        It 'counts failing iterations without timing them, keeps the successful samples and reports the error' {
            $script:calls = 0
            $result = Invoke-RevitBenchmark -Name Flaky -ScriptBlock { $script:calls++; if ($script:calls % 4 -eq 0) { throw 'element was deleted' } } -InvocationsPerIteration 1 -Iterations 20 -WarmupIterations 0 -WarningAction SilentlyContinue 3>$null
            $result.SuccessRate | Should -BeGreaterThan 0
            $result.SuccessRate | Should -BeLessThan 1
            $result.Iterations | Should -Be $result.GetSamplesMs().Count
            $result.Error | Should -Be 'element was deleted'
            $result.MetTargets | Should -BeFalse
        }

        It 'treats a non-terminating error as a failed iteration' {
            $result = Invoke-RevitBenchmark -Name WriteError -ScriptBlock { Write-Error 'no such element' } -Iterations 3 -WarmupIterations 0 -WarningAction SilentlyContinue
            $result.SuccessRate | Should -Be 0
            $result.Error | Should -Be 'no such element'
        }

        It 'reports a failing setup and still runs the teardown' {
            $global:RevitPerfTornDown = $false
            $result = Invoke-RevitBenchmark -Name NoModel -Setup { throw 'no model open' } -ScriptBlock { 1 } -Teardown { $global:RevitPerfTornDown = $true } -Iterations 3 -WarningAction SilentlyContinue
            $result.Error | Should -Be 'Setup failed: no model open'
            $result.Iterations | Should -Be 0
            $global:RevitPerfTornDown | Should -BeTrue
        }

        It 'stops a benchmark at its time limit and keeps the samples taken' {
            # 100 x 40 ms cannot fit in 2 s; 2 s leaves room for the pilot and a few samples on a busy machine.
            $result = Invoke-RevitBenchmark -Name Slow -ScriptBlock { Start-Sleep -Milliseconds 40 } -Iterations 100 -WarmupIterations 0 -TimeoutSeconds 2
            $result.TimedOut | Should -BeTrue
            $result.Iterations | Should -BeGreaterThan 0
            $result.Iterations | Should -BeLessThan 100
            $result.MeanMs | Should -BeGreaterThan 30
        }

        It 'judges the targets given, one flag each' {
            $result = Invoke-RevitBenchmark -Name Sleepy -ScriptBlock { Start-Sleep -Milliseconds 5 } -Iterations 3 -WarmupIterations 0 -TargetLatencyMs 1 -TargetThroughputOpsPerSec 1 -WarningAction SilentlyContinue
            $result.TargetLatencyMs | Should -Be 1
            $result.MetLatencyTarget | Should -BeFalse
            $result.MetThroughputTarget | Should -BeTrue
            $result.MetMemoryTarget | Should -BeNullOrEmpty
            $result.MetTargets | Should -BeFalse
        }

        It 'warns about a missed target, and with -Strict fails after writing the results' {
            $warnings = $null
            $null = Invoke-RevitBenchmark -Name Missed -ScriptBlock { Start-Sleep -Milliseconds 3 } -Iterations 2 -WarmupIterations 0 -TargetLatencyMs 0.5 -WarningVariable warnings -WarningAction SilentlyContinue
            "$warnings" | Should -BeLike '*AdHoc/Missed*'

            $written = $null
            $err = { Invoke-RevitBenchmark -Name Missed -ScriptBlock { Start-Sleep -Milliseconds 3 } -Iterations 2 -WarmupIterations 0 -TargetLatencyMs 0.5 -Strict -OutVariable written } |
                Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'BenchmarkTargetMissed,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidResult'
            $err.Exception.Message | Should -BeLike '*AdHoc/Missed: mean latency * ms (99.9 % CI * to * ms) is above the target of 0.5 ms*'
            $err.TargetObject[0].Metric | Should -Be 'LatencyMs'
            $written | Should -HaveCount 1
        }

        It 'fails on a missed target when strict_target_validation is on' {
            Set-RevitPerformanceConfig -StrictTargetValidation $true
            { Invoke-RevitBenchmark -Name Missed -ScriptBlock { Start-Sleep -Milliseconds 3 } -Iterations 2 -WarmupIterations 0 -TargetLatencyMs 0.5 } |
                Should -Throw -ErrorId 'BenchmarkTargetMissed,*'
        }

        It 'takes exactly one name' {
            { Invoke-RevitBenchmark -Name a, b -ScriptBlock { } } | Should -Throw -ErrorId 'BenchmarkInvalidDefinition,*'
        }
    }

    Context 'definitions from New-RevitBenchmark' {
        It 'runs piped definitions in order, filtered by -Suite and -Name' {
            $definitions = @(
                New-RevitBenchmark -Name One -Suite Walls -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0
                New-RevitBenchmark -Name Two -Suite Walls -ScriptBlock { 2 } -Iterations 2 -WarmupIterations 0
                New-RevitBenchmark -Name Three -Suite Doors -ScriptBlock { 3 } -Iterations 2 -WarmupIterations 0
            )
            ($definitions | Invoke-RevitBenchmark).Name | Should -Be @('One', 'Two', 'Three')
            ($definitions | Invoke-RevitBenchmark -Suite Walls).Name | Should -Be @('One', 'Two')
            ($definitions | Invoke-RevitBenchmark -Name T*).Name | Should -Be @('Two', 'Three')
        }

        It 'replaces every definition''s iterations with -Iterations, in each round' {
            $result = New-RevitBenchmark -Name Many -ScriptBlock { 1 } -Iterations 50 -WarmupIterations 0 | Invoke-RevitBenchmark -Iterations 4 -Rounds 1
            $result.Iterations | Should -Be 4
            $result = New-RevitBenchmark -Name Many -ScriptBlock { 1 } -Iterations 50 -WarmupIterations 0 | Invoke-RevitBenchmark -Iterations 4
            $result.Rounds | Should -Be 3
            $result.Iterations | Should -Be 12
        }

        It 'measures the benchmarks round after round, in turn, and keeps each round''s median' {
            $global:RevitPerfRoundOrder = [System.Collections.Generic.List[string]]::new()
            try {
                $results = @(
                    New-RevitBenchmark -Name A -ScriptBlock { 1 } -Setup { $global:RevitPerfRoundOrder.Add('A') } -Iterations 3 -WarmupIterations 0
                    New-RevitBenchmark -Name B -ScriptBlock { 2 } -Setup { $global:RevitPerfRoundOrder.Add('B') } -Iterations 3 -WarmupIterations 0
                ) | Invoke-RevitBenchmark -Rounds 2
                @($global:RevitPerfRoundOrder) | Should -Be @('A', 'B', 'A', 'B')
                $results.Name | Should -Be @('A', 'B')
                foreach ($result in $results) {
                    $result.Rounds | Should -Be 2
                    $result.Iterations | Should -Be 6
                    $result.GetRoundMediansMs() | Should -HaveCount 2
                    $result.GetSamplesMs() | Should -HaveCount 6
                }
            }
            finally {
                Remove-Variable -Name RevitPerfRoundOrder -Scope Global
            }
        }

        It 'takes no further round of a benchmark that failed' {
            $global:RevitPerfRoundCount = 0
            try {
                $result = New-RevitBenchmark -Name Broken -ScriptBlock { 1 } -Setup { $global:RevitPerfRoundCount++; throw 'no model' } -Iterations 3 -WarmupIterations 0 |
                    Invoke-RevitBenchmark -Rounds 3 -WarningAction SilentlyContinue
                $global:RevitPerfRoundCount | Should -Be 1
                $result.Rounds | Should -Be 1
                $result.Error | Should -Match 'no model'
            }
            finally {
                Remove-Variable -Name RevitPerfRoundCount -Scope Global
            }
        }

        It 'stops at the suite''s time limit, keeps finished results and names what was not run' {
            # Four benchmarks of 10 x 40 ms cannot fit in 1.2 s; the first (about 0.5 s) does, also on a busy machine.
            Set-RevitPerformanceConfig -TimeoutSeconds 1.2
            $definitions = 1..4 | ForEach-Object { New-RevitBenchmark -Name "Sleep$_" -ScriptBlock { Start-Sleep -Milliseconds 40 } -Iterations 10 -WarmupIterations 0 -InvocationsPerIteration 1 }
            $warnings = $null
            $results = $definitions | Invoke-RevitBenchmark -WarningVariable warnings -WarningAction SilentlyContinue
            $results.Count | Should -BeLessThan 4
            $results.Count | Should -BeGreaterThan 0
            $results[0].Iterations | Should -BeGreaterThan 0
            "$warnings" | Should -BeLike '*time limit*not run*Default/Sleep4*'
        }
    }

    Context 'benchmark files' {
        BeforeAll {
            $folder = Join-Path $TestDrive 'perf'
            $null = New-BenchmarkFile 'perf/Walls.Benchmarks.ps1' @'
$wallCount = 3
New-RevitBenchmark -Name CountWalls -Suite Walls -ScriptBlock { $wallCount * 2 } -Validate { $_ -eq 6 } -Iterations 2 -WarmupIterations 0
New-RevitBenchmark -Name ListWalls -Suite Walls -ScriptBlock { 1..$wallCount } -Iterations 2 -WarmupIterations 0
'not a benchmark'
'@
            $null = New-BenchmarkFile 'perf/nested/Doors.Benchmarks.ps1' @'
New-RevitBenchmark -Name CountDoors -Suite Doors -ScriptBlock { 2 } -Iterations 2 -WarmupIterations 0
'@
            $null = New-BenchmarkFile 'perf/helpers.ps1' @'
throw 'not a benchmark file; never run'
'@
        }

        It 'discovers *.Benchmarks.ps1 files recursively and keeps each file''s variables in scope' {
            $results = Invoke-RevitBenchmark -Path $folder
            $results.Name | Should -Be @('CountDoors', 'CountWalls', 'ListWalls') # files in path order
            $results | ForEach-Object { $_.Error | Should -BeNullOrEmpty }
        }

        It 'filters by suite and name with wildcards' {
            (Invoke-RevitBenchmark -Path $folder -Suite Doors).Name | Should -Be 'CountDoors'
            (Invoke-RevitBenchmark -Path $folder -Name List*).Name | Should -Be 'ListWalls'
        }

        It 'runs a file named directly and takes -LiteralPath from the pipeline' {
            (Invoke-RevitBenchmark -Path (Join-Path $folder 'nested/Doors.Benchmarks.ps1')).Name | Should -Be 'CountDoors'
            (Get-Item (Join-Path $folder 'nested/Doors.Benchmarks.ps1') | Invoke-RevitBenchmark).Name | Should -Be 'CountDoors'
        }

        It 'reports a file that throws and still runs the other files' {
            $broken = New-BenchmarkFile 'broken/Broken.Benchmarks.ps1' "throw 'syntax of the model changed'"
            $results = Invoke-RevitBenchmark -Path $broken, (Join-Path $folder 'nested') -ErrorVariable errors -ErrorAction SilentlyContinue
            $results.Name | Should -Be 'CountDoors'
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileFailed,*'
            $errors[0].TargetObject | Should -Be $broken
            "$($errors[0])" | Should -BeLike '*syntax of the model changed*'
        }

        It 'reports a path that matches nothing' {
            $null = Invoke-RevitBenchmark -Path (Join-Path $TestDrive 'missing') -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileNotFound,*'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    Context 'built-in suites' {
        It 'runs the in-process suites with the configured targets' {
            Set-RevitPerformanceConfig -ApiLatencySimpleMs 0.5
            $results = Invoke-RevitBenchmark -Suite Api, Cache, Throughput -Iterations 3 -WarmupIterations 0
            ($results | ForEach-Object { "$($_.Suite)/$($_.Name)" }) | Should -Be @('Api/SimpleElementAccess', 'Api/ComplexQuery', 'Cache/HitLatency', 'Cache/HitRatio', 'Throughput/SimpleElementAccess')
            $results[0].TargetLatencyMs | Should -Be 0.5
            $results[3].TargetHitRatio | Should -Be 0.85
            $results[3].HitRatio | Should -BeGreaterThan 0
            $results[4].TargetThroughputOpsPerSec | Should -Be 10000
            $results | ForEach-Object { $_.Error | Should -BeNullOrEmpty; $_.SuccessRate | Should -Be 1 }
        }

        It 'starts fresh PowerShell processes for Startup and idle memory' {
            $results = Invoke-RevitBenchmark -Suite Startup, Memory -Name ModuleImport, Idle -Iterations 2 -WarmupIterations 0
            $results.Name | Should -Be @('ModuleImport', 'Idle')
            $results | ForEach-Object { $_.Error | Should -BeNullOrEmpty }
            # Every iteration is a fresh process already: one round, whatever -Rounds says.
            $results | ForEach-Object { $_.Rounds | Should -Be 1 }
            $results[0].TargetLatencyMs | Should -Be 1000
            $results[0].MeanMs | Should -BeGreaterThan 0
            $results[1].TargetMemoryMB | Should -Be 50
            $results[1].PeakMemoryMB | Should -BeGreaterThan 0
        }

        It 'runs every suite''s benchmarks for -Suite All, as when -Suite is left out' {
            $results = Invoke-RevitBenchmark -Suite All -Name SimpleElementAccess -Iterations 2 -Rounds 1 -WarningAction SilentlyContinue
            ($results | ForEach-Object { $_.Suite + '/' + $_.Name }) | Should -Be @('Api/SimpleElementAccess', 'Throughput/SimpleElementAccess')
        }

        It 'completes suite names' {
            $completion = TabExpansion2 -inputScript 'Invoke-RevitBenchmark -Suite ' -cursorColumn 'Invoke-RevitBenchmark -Suite '.Length
            $completion.CompletionMatches.CompletionText | Should -Be @('All', 'Startup', 'Api', 'Cache', 'Memory', 'Throughput')
        }

        It 'reports an unknown suite or benchmark name' {
            $null = Invoke-RevitBenchmark -Suite Nope -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkSuiteNotFound,*'
            $errors[0].TargetObject | Should -Be 'Nope'
            $null = Invoke-RevitBenchmark -Suite Api -Name Nope -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkNotFound,*'
        }
    }

    Context 'results' {
        It 'exports to CSV with scalar columns only: no column holds a type name' {
            $results = @(
                New-RevitBenchmark -Name A -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0 -TargetLatencyMs 10
                New-RevitBenchmark -Name B -ScriptBlock { 2 } -Iterations 2 -WarmupIterations 0
            ) | Invoke-RevitBenchmark
            $csv = Join-Path $TestDrive 'results.csv'
            $results | Export-Csv -LiteralPath $csv -NoTypeInformation
            $rows = Import-Csv -LiteralPath $csv
            $rows | Should -HaveCount 2
            ($rows[0].PSObject.Properties.Name)[0..1] | Should -Be @('Name', 'Suite')
            foreach ($row in $rows) {
                foreach ($property in $row.PSObject.Properties) {
                    $property.Value | Should -Not -Match '^(System|RevitPerf)\.' -Because "column $($property.Name) must be a plain value"
                }
            }
        }

        It 'saves each run as strict JSON with the seed''s keys and never overwrites a file' {
            $directory = Join-Path $TestDrive 'results'
            Set-RevitPerformanceConfig -SaveResults $true -ResultsDirectory $directory
            1..2 | ForEach-Object { $null = Invoke-RevitBenchmark -Name Json -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0 -TargetLatencyMs 100 -Rounds 2 }
            $files = @(Get-ChildItem $directory -Filter 'benchmark_results_*.json')
            $files | Should -HaveCount 2
            $files[0].Name | Should -Match '^benchmark_results_\d{8}_\d{6}_\d{3}(_\d+)?\.json$'
            $text = Get-Content -Raw -LiteralPath $files[0].FullName
            $text | Should -Not -Match 'NaN|Infinity'
            $json = $text | ConvertFrom-Json
            $json.PSObject.Properties.Name | Should -Be @('timestamp', 'config', 'benchmarks', 'summary', 'regression_analysis', 'memory_analysis', 'total_runtime_seconds')
            $json.benchmarks[0].name | Should -Be 'Json'
            $json.benchmarks[0].samples_ms | Should -HaveCount 4
            $json.benchmarks[0].rounds | Should -Be 2
            $json.benchmarks[0].round_medians_ms | Should -HaveCount 2
            $json.summary.latency_targets.judged | Should -Be 1
            $json.config.results_directory | Should -Be $directory
        }

        It 'shows progress while benchmarks run' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$(Get-RevitPerfModulePath)'; Set-RevitPerformanceConfig -SaveResults `$false; Invoke-RevitBenchmark -Name Watched -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0").Invoke()
                $ps.Streams.Progress.StatusDescription | Should -Contain 'AdHoc/Watched'
                $ps.Streams.Progress[-1].RecordType | Should -Be 'Completed'
            }
            finally { $ps.Dispose() }
        }
    }

    Context 'baselines' {
        It 'compares each result with the baseline: a clearly slower benchmark is Slower, with a warning' {
            $baseline = Join-Path $TestDrive 'sleep-baseline.json'
            Invoke-RevitBenchmark -Name Sleep -ScriptBlock { Start-Sleep -Milliseconds 1 } -Iterations 10 -WarmupIterations 0 -InvocationsPerIteration 1 |
                Save-RevitBenchmarkBaseline -Path $baseline
            $warnings = $null
            $result = Invoke-RevitBenchmark -Name Sleep -ScriptBlock { Start-Sleep -Milliseconds 25 } -Iterations 10 -WarmupIterations 0 -InvocationsPerIteration 1 -Baseline $baseline -WarningVariable warnings -WarningAction SilentlyContinue
            $result.BaselineVerdict | Should -Be 'Slower'
            $result.BaselineChangePercent | Should -BeGreaterThan 50
            "$warnings" | Should -BeLike '*AdHoc/Sleep: LatencyMs changed by +* % against the baseline*High regression*'
        }

        It 'fails before running when the baseline named does not exist' {
            $script:ran = $false
            { Invoke-RevitBenchmark -Name X -ScriptBlock { $script:ran = $true } -Baseline (Join-Path $TestDrive 'none.json') } |
                Should -Throw -ErrorId 'BaselineNotFound,*'
            $script:ran | Should -BeFalse
        }
    }

    Context '-Parallel' {
        It 'runs benchmarks in runspaces of their own, writes results in definition order and warns that figures are distorted' {
            $definitions = 1..3 | ForEach-Object {
                New-RevitBenchmark -Name "P$_" -Setup { $value = 7 } -ScriptBlock { $value * 6 } -Validate { $_ -eq 42 } -Iterations 3 -WarmupIterations 0
            }
            $warnings = $null
            $results = $definitions | Invoke-RevitBenchmark -Parallel -ThrottleLimit 2 -WarningVariable warnings -WarningAction SilentlyContinue
            $results.Name | Should -Be @('P1', 'P2', 'P3')
            $results | ForEach-Object { $_.Error | Should -BeNullOrEmpty }
            "$warnings" | Should -BeLike '*distorted*'
        }

        It 'runs built-in benchmarks in parallel too' {
            $results = Invoke-RevitBenchmark -Suite Api -Parallel -Iterations 2 -WarmupIterations 0 -WarningAction SilentlyContinue
            $results.Name | Should -Be @('SimpleElementAccess', 'ComplexQuery')
            $results | ForEach-Object { $_.SuccessRate | Should -Be 1 }
        }
    }

    Context 'Stopped from another thread' {
        It 'runs the teardown of the benchmark it stopped and writes the results finished so far' {
            $results = Join-Path $TestDrive 'stopped-results'
            $marker = Join-Path $TestDrive 'torn-down.txt'
            $started = Join-Path $TestDrive 'started.txt'
            $file = Join-Path $TestDrive 'Stop.Benchmarks.ps1'
            Set-Content -LiteralPath $file -Value @"
New-RevitBenchmark -Name Quick -ScriptBlock { 1 } -Iterations 5 -WarmupIterations 0
New-RevitBenchmark -Name Slow -Setup { `$resource = 'open' } -ScriptBlock { if (-not (Test-Path '$started')) { Set-Content '$started' 1 }; Start-Sleep -Milliseconds 20 } -Teardown { Set-Content '$marker' `$resource } -Iterations 100000 -WarmupIterations 0
"@
            $shell = [powershell]::Create()
            $null = $shell.AddScript("Import-Module '$(Get-RevitPerfModulePath)'; Set-RevitPerformanceConfig -SaveResults `$true -ResultsDirectory '$results'; Invoke-RevitBenchmark -Path '$file'")
            $handle = $shell.BeginInvoke()
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while (-not (Test-Path $started) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                Test-Path $started | Should -BeTrue
                $shell.Stop()
                Get-Content -LiteralPath $marker | Should -Be 'open' -Because 'the teardown ran in the setup''s scope'
                $written = @(Get-ChildItem -LiteralPath $results -Filter 'benchmark_results_*.json')
                $written.Count | Should -Be 1
                $json = Get-Content -Raw -LiteralPath $written[0].FullName | ConvertFrom-Json
                $json.benchmarks.name | Should -Be @('Quick')
            }
            finally { $shell.Dispose(); Set-RevitPerformanceConfig -SaveResults $false }
        }
    }

    Context 'Bad input' {
        It 'reports a suite pattern that cannot be matched, with the pattern as target' {
            $err = { Invoke-RevitBenchmark -Suite '[z-a]' } | Should -Throw -ErrorId 'InvalidWildcardPattern,*' -PassThru
            $err.TargetObject | Should -Be '[z-a]'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'lowers an iteration that could never finish within the time limit, and says so' {
            $result = Invoke-RevitBenchmark -Name Huge -ScriptBlock { } -InvocationsPerIteration ([long]::MaxValue) -TimeoutSeconds 1 -Iterations 3 -WarmupIterations 0 -WarningVariable warnings -WarningAction SilentlyContinue
            $result.InvocationsPerIteration | Should -BeLessThan ([long]::MaxValue)
            $result.Note | Should -Match 'lowered from'
            "$warnings" | Should -Match 'AdHoc/Huge: InvocationsPerIteration lowered'
        }
    }
}
