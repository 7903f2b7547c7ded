BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    Reset-RevitPerformanceConfig -Confirm:$false
    Set-RevitPerformanceConfig -SaveResults $false

    # Two fast benchmarks, measured once for all the tests here.
    $script:results = @(
        New-RevitBenchmark -Name Fast -Suite Walls -ScriptBlock { 1 + 1 } -Iterations 20 -WarmupIterations 0 -TargetLatencyMs 10
        New-RevitBenchmark -Name Sleepy -Suite Walls -ScriptBlock { Start-Sleep -Milliseconds 2 } -Iterations 5 -WarmupIterations 0 -InvocationsPerIteration 1 -TargetLatencyMs 1
    ) | Invoke-RevitBenchmark -WarningAction SilentlyContinue
}

AfterAll {
    Reset-RevitPerformanceConfig -Confirm:$false
}

Describe 'New-RevitBenchmark' {
    It 'makes a definition with RevitPy''s defaults and the file it came from' {
        $definition = New-RevitBenchmark -Name Doors -ScriptBlock { 1 }
        $definition.Name | Should -Be 'Doors'
        $definition.Suite | Should -Be 'Default'
        $definition.Iterations | Should -Be 100
        $definition.WarmupIterations | Should -Be 10
        $definition.TimeoutSeconds | Should -Be 30
        $definition.InvocationsPerIteration | Should -BeNullOrEmpty
        $definition.TargetLatencyMs | Should -BeNullOrEmpty
        $definition.Source | Should -Be $PSCommandPath
    }

    It 'refuses an empty name and out-of-range counts at binding' {
        { New-RevitBenchmark -Name '' -ScriptBlock { } } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-RevitBenchmark -Name X -ScriptBlock { } -Iterations 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Save-RevitBenchmarkBaseline' {
    It 'writes a schema-versioned baseline with the environment and samples' {
        $path = Join-Path $TestDrive 'a/baseline.json'
        $file = $script:results | Save-RevitBenchmarkBaseline -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $json = Get-Content -Raw $path | ConvertFrom-Json
        $json.schema | Should -Be 'RevitPerf.BenchmarkBaseline'
        $json.schema_version | Should -Be 1
        $json.environment.powershell_version | Should -Be $PSVersionTable.PSVersion.ToString()
        $json.benchmarks.name | Should -Be @('Fast', 'Sleepy')
        $json.benchmarks[0].samples_ms | Should -HaveCount 60 # 3 rounds of 20 iterations
        # A run stands for itself by its fastest round.
        $json.benchmarks[0].round_medians_ms | Should -HaveCount 3
        $json.benchmarks[0].launch_medians_ms | Should -Be @(($script:results[0].GetRoundMediansMs() | Measure-Object -Minimum).Minimum)
    }

    It 'never replaces a baseline without -Force' {
        $path = Join-Path $TestDrive 'keep.json'
        $script:results[0] | Save-RevitBenchmarkBaseline -Path $path
        $before = Get-Content -Raw $path
        { $script:results | Save-RevitBenchmarkBaseline -Path $path } | Should -Throw -ErrorId 'BaselineExists,*'
        Get-Content -Raw $path | Should -Be $before
        $script:results | Save-RevitBenchmarkBaseline -Path $path -Force
        (Get-Content -Raw $path | ConvertFrom-Json).benchmarks | Should -HaveCount 2
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        $script:results | Save-RevitBenchmarkBaseline -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'refuses input that is not a result or a benchmark file, and an empty baseline' {
        $path = Join-Path $TestDrive 'bad.json'
        { 42 | Save-RevitBenchmarkBaseline -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkResultInvalid,*'
        { 'no-such-file.json' | Save-RevitBenchmarkBaseline -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkFileNotFound,*'
        { @() | Save-RevitBenchmarkBaseline -Path $path } | Should -Throw -ErrorId 'BenchmarkResultInvalid,*'
        Test-Path $path | Should -BeFalse
    }

    It 'saves several runs of a benchmark as its launches, from results or from files' {
        $again = $script:results[0].Name |
            ForEach-Object { New-RevitBenchmark -Name $_ -Suite Walls -ScriptBlock { 1 + 1 } -Iterations 20 -WarmupIterations 0 } |
            Invoke-RevitBenchmark -WarningAction SilentlyContinue
        $piped = Join-Path $TestDrive 'launches-piped.json'
        @($script:results) + @($again) | Save-RevitBenchmarkBaseline -Path $piped
        $fast = (Get-Content -Raw $piped | ConvertFrom-Json).benchmarks | Where-Object name -eq 'Fast'
        $fast.launches | Should -Be 2
        $fast.launch_medians_ms | Should -HaveCount 2
        $fast.samples_ms | Should -HaveCount 120 # 2 launches of 3 rounds of 20 iterations
        $fast.runs | Should -HaveCount 2

        # Earlier runs saved to files (from other processes, say) are launches too, and a string path or a FileInfo will do.
        $one = Join-Path $TestDrive 'launch1.json'
        $two = Join-Path $TestDrive 'launch2.json'
        $script:results | Save-RevitBenchmarkBaseline -Path $one
        $again | Save-RevitBenchmarkBaseline -Path $two
        $combined = Join-Path $TestDrive 'launches-files.json'
        $one, (Get-Item $two) | Save-RevitBenchmarkBaseline -Path $combined
        $entries = (Get-Content -Raw $combined | ConvertFrom-Json).benchmarks
        ($entries | Where-Object name -eq 'Fast').launches | Should -Be 2
        ($entries | Where-Object name -eq 'Sleepy').launches | Should -Be 1
        $script:results | Compare-RevitBenchmark -Baseline $combined | Should -Not -BeNullOrEmpty
    }

    It 'leaves out, with a warning, a result without samples' {
        $failed = New-RevitBenchmark -Name Broken -ScriptBlock { throw 'no' } -Iterations 2 -WarmupIterations 0 |
            Invoke-RevitBenchmark -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $path = Join-Path $TestDrive 'without-failed.json'
        $warnings = $null
        @($script:results) + @($failed) | Save-RevitBenchmarkBaseline -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -BeLike '*Default/Broken has no samples*'
        (Get-Content -Raw $path | ConvertFrom-Json).benchmarks.name | Should -Be @('Fast', 'Sleepy')
    }
}

Describe 'Compare-RevitBenchmark' {
    BeforeAll {
        $script:baseline = Join-Path $TestDrive 'compare-baseline.json'
        $script:results | Save-RevitBenchmarkBaseline -Path $script:baseline
    }

    It 'calls a run compared with itself Same on every metric, one flat row per metric' {
        $comparisons = $script:results | Compare-RevitBenchmark -Baseline $script:baseline
        $comparisons[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.MetricComparison'
        ($comparisons | Where-Object Benchmark -eq Sleepy).Metric | Should -Be @('LatencyMs', 'AllocatedBytesPerOp', 'OpsPerSecond')
        $comparisons | ForEach-Object { $_.Verdict | Should -Be 'Same'; $_.ChangePercent | Should -Be 0; $_.Severity | Should -Be 'None' }
        $comparisons[0].Suite | Should -Be 'Walls'
    }

    It 'reads the current run from a results or baseline file too' {
        $current = Join-Path $TestDrive 'current.json'
        $script:results | Save-RevitBenchmarkBaseline -Path $current
        (Compare-RevitBenchmark -Baseline $script:baseline -Result $current).Count | Should -BeGreaterThan 2
        (Get-Item $current | Compare-RevitBenchmark -Baseline $script:baseline).Count | Should -BeGreaterThan 2
    }

    It 'calls a clearly slower benchmark Slower with RevitPy''s severity' {
        $slow = New-RevitBenchmark -Name Sleepy -Suite Walls -ScriptBlock { Start-Sleep -Milliseconds 20 } -Iterations 5 -WarmupIterations 0 -InvocationsPerIteration 1 |
            Invoke-RevitBenchmark -WarningAction SilentlyContinue
        $latency = $slow | Compare-RevitBenchmark -Baseline $script:baseline | Where-Object Metric -eq 'LatencyMs'
        $latency.Verdict | Should -Be 'Slower'
        $latency.Severity | Should -Be 'High'
        $latency.PValue | Should -BeLessThan 0.01
    }

    It 'warns about a benchmark the baseline does not have' {
        $other = New-RevitBenchmark -Name Other -ScriptBlock { 1 } -Iterations 3 -WarmupIterations 0 | Invoke-RevitBenchmark
        $warnings = $null
        $other | Compare-RevitBenchmark -Baseline $script:baseline -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        "$warnings" | Should -BeLike '*Default/Other has no entry in the baseline*'
    }

    It 'reports a missing or invalid baseline and input that is not a result' {
        { $script:results | Compare-RevitBenchmark -Baseline (Join-Path $TestDrive 'nope.json') } | Should -Throw -ErrorId 'BaselineNotFound,*'
        $invalid = Join-Path $TestDrive 'invalid.json'
        Set-Content -LiteralPath $invalid -Value '{ "timestamp": 1 }'
        $err = { $script:results | Compare-RevitBenchmark -Baseline $invalid } | Should -Throw -ErrorId 'BaselineInvalid,*' -PassThru
        $err.Exception.Message | Should -BeLike "*no 'benchmarks' list*"
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $null = 42 | Compare-RevitBenchmark -Baseline $script:baseline -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkResultInvalid,*'
    }

    It 'exports flat' {
        $csv = Join-Path $TestDrive 'comparisons.csv'
        $script:results | Compare-RevitBenchmark -Baseline $script:baseline | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv $csv)[0].PSObject.Properties.Name | Should -Be @('Benchmark', 'Suite', 'Metric', 'BaselineMedian', 'CurrentMedian', 'ChangePercent', 'PValue', 'Verdict', 'Severity')
    }

    It 'refuses, naming the file and the field, a baseline that <Why>' -ForEach @(
        @{ Why = 'nests fifty thousand levels deep'; Text = '{"benchmarks": ' + ('[' * 50000) + (']' * 50000) + '}'; Message = 'nests deeper than 64 levels' }
        @{ Why = 'holds a negative sample'; Text = '{"schema": "RevitPerf.BenchmarkBaseline", "benchmarks": [{"name": "Fast", "suite": "Walls", "samples_ms": [-1, 1]}]}'; Message = 'cannot be negative' }
        @{ Why = 'holds text samples'; Text = '{"schema": "RevitPerf.BenchmarkBaseline", "benchmarks": [{"name": "Fast", "suite": "Walls", "samples_ms": ["1"]}]}'; Message = 'not a number' }
        @{ Why = 'has no samples'; Text = '{"schema": "RevitPerf.BenchmarkBaseline", "benchmarks": [{"name": "Fast", "suite": "Walls", "samples_ms": []}]}'; Message = 'no samples' }
        @{ Why = 'has a wrong schema'; Text = '{"schema": "Other", "benchmarks": [{"name": "Fast", "suite": "Walls", "samples_ms": [1]}]}'; Message = "is not 'RevitPerf.BenchmarkBaseline'" }
        @{ Why = 'has no schema'; Text = '{"benchmarks": [{"name": "Fast", "suite": "Walls", "samples_ms": [1]}]}'; Message = "no 'schema'" }
    ) {
        $file = Join-Path $TestDrive 'bad-baseline.json'
        [IO.File]::WriteAllText($file, $Text)
        $err = $null
        try { $script:results | Compare-RevitBenchmark -Baseline $file } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'BaselineInvalid,*'
        $err.Exception.Message | Should -Match ([regex]::Escape($Message))
        $err.Exception.Message | Should -Match 'bad-baseline.json'
        $err2 = $null
        try { Invoke-RevitBenchmark -Name X -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0 -Baseline $file } catch { $err2 = $_ }
        $err2.FullyQualifiedErrorId | Should -BeLike 'BaselineInvalid,*'
    }
}

Describe 'Assert-RevitPerformanceTarget and Should -MeetRevitPerformanceTarget' {
    It 'passes results that met their targets, and -PassThru returns them' {
        $script:results[0] | Assert-RevitPerformanceTarget
        ($script:results[0] | Assert-RevitPerformanceTarget -PassThru).Name | Should -Be 'Fast'
    }

    It 'fails naming the benchmark, the metric, the target and the measured value with its interval' {
        $err = { $script:results | Assert-RevitPerformanceTarget } | Should -Throw -ErrorId 'BenchmarkTargetMissed,*' -PassThru
        $err.Exception.Message | Should -BeLike 'A performance target was missed: Walls/Sleepy: mean latency * ms ± * ms (99.9 % CI * to * ms) is above the target of 1 ms'
        $err.TargetObject[0].Benchmark | Should -Be 'Sleepy'
        $err.TargetObject[0].Target | Should -Be 1
    }

    It 'fails when given nothing, or something that is not a result' {
        $err = { @() | Assert-RevitPerformanceTarget } | Should -Throw -ErrorId 'BenchmarkResultInvalid,*' -PassThru
        $err.TargetObject | Should -Be '(no input)'
        { 'x' | Assert-RevitPerformanceTarget -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkResultInvalid,*'
    }

    It 'registers a Pester operator that passes met targets and fails missed ones with the same message' {
        $script:results[0] | Should -MeetRevitPerformanceTarget
        $err = { $script:results | Should -MeetRevitPerformanceTarget -Because 'CI says so' } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike 'Expected every benchmark to meet its performance targets because CI says so, but A performance target was missed: Walls/Sleepy*'
        $script:results[1] | Should -Not -MeetRevitPerformanceTarget
        { $script:results[0] | Should -Not -MeetRevitPerformanceTarget } | Should -Throw '*Expected a benchmark to miss a performance target, but all 1 met them.*'
        { 'x' | Should -MeetRevitPerformanceTarget } | Should -Throw '*Expected benchmark results from Invoke-RevitBenchmark*'
    }
}
