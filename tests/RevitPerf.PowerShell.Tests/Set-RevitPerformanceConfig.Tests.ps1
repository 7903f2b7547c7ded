BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Set-RevitPerformanceConfig' {
    BeforeEach { Reset-RevitPerformanceConfig -Confirm:$false }

    It 'has one parameter per setting, named and typed like the setting' {
        $command = Get-Command Set-RevitPerformanceConfig
        foreach ($setting in (Get-RevitPerfCoreType 'RevitPerf.Core.Configuration.ConfigurationSchema')::All) {
            $command.Parameters.Keys | Should -Contain $setting.Name
            $type = [Nullable]::GetUnderlyingType($setting.ValueType) ?? $setting.ValueType
            $command.Parameters[$setting.Name].ParameterType | Should -Be $type
        }
    }

    It 'changes the named settings of every section and nothing else' {
        Set-RevitPerformanceConfig -CacheMaxSize 20000 -ParallelExecution $true -CacheHitRatio 0.9 -ResultsDirectory 'out/results'
        $config = Get-RevitPerformanceConfig
        $config.Optimization.CacheMaxSize | Should -Be 20000
        $config.Benchmark.ParallelExecution | Should -BeTrue
        $config.PerformanceTargets.CacheHitRatio | Should -Be 0.9
        $config.Benchmark.ResultsDirectory | Should -Be 'out/results'
        $config.Optimization.CacheTtlSeconds | Should -Be 3600
        $config.Source | Should -Be 'Set-RevitPerformanceConfig'
    }

    It 'returns the configuration in force with -PassThru, nothing without' {
        Set-RevitPerformanceConfig -MaxWorkers 2 | Should -BeNullOrEmpty
        (Set-RevitPerformanceConfig -MaxWorkers 3 -PassThru).Benchmark.MaxWorkers | Should -Be 3
    }

    It 'changes nothing with -WhatIf' {
        Set-RevitPerformanceConfig -CacheMaxSize 5 -WhatIf
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'describes the change for ShouldProcess with old and new values' {
        # -Verbose shows the ShouldProcess text when no confirmation is asked.
        $verbose = Set-RevitPerformanceConfig -CacheMaxSize 5 -CacheHitRatio 0.5 -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'Set cache_max_size from 10000 to 5; cache_hit_ratio from 0.85 to 0.5'
    }

    It 'asks nothing and changes nothing when every value stays the same' {
        $verbose = Set-RevitPerformanceConfig -CacheMaxSize 10000 -Confirm -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'No setting changes'
        (Get-RevitPerformanceConfig).Source | Should -Be 'Defaults'
    }

    It 'refuses an out-of-range value at binding with the allowed range, and changes nothing' -ForEach @(
        @{ Parameters = @{ CacheMaxSize = 0 }; Range = 'an integer from 1 to 2147483647' }
        @{ Parameters = @{ CacheHitRatio = 1.5 }; Range = 'a number from 0 to 1' }
        @{ Parameters = @{ PoolCleanupIntervalSeconds = 0 }; Range = 'a number from 0.01 to 86400' }
        @{ Parameters = @{ MemoryCleanupThresholdMB = -1 }; Range = 'a number greater than 0 and at most 1048576' }
        @{ Parameters = @{ ResultsDirectory = ' ' }; Range = 'a non-empty text' }
    ) {
        $err = $null
        try { Set-RevitPerformanceConfig @Parameters -CacheTtlSeconds 5 -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.Exception.Message | Should -BeLike "*$Range*"
        (Get-RevitPerformanceConfig).Optimization.CacheTtlSeconds | Should -Be 3600
    }

    It 'clears the baseline file with an empty string or $null' {
        Set-RevitPerformanceConfig -BaselineFile 'base.json'
        (Get-RevitPerformanceConfig).Benchmark.BaselineFile | Should -Be 'base.json'
        Set-RevitPerformanceConfig -BaselineFile ''
        (Get-RevitPerformanceConfig).Benchmark.BaselineFile | Should -BeNullOrEmpty
        Set-RevitPerformanceConfig -BaselineFile 'base.json'
        Set-RevitPerformanceConfig -BaselineFile $null
        (Get-RevitPerformanceConfig).Benchmark.BaselineFile | Should -BeNullOrEmpty
    }

    It 'applies a configuration from the pipeline, with named settings on top' {
        $config = Get-RevitPerformanceConfig
        $config.Optimization.PoolMaxSize = 50
        $config.Benchmark.TimeoutSeconds = 60
        $config | Set-RevitPerformanceConfig -TimeoutSeconds 90
        $now = Get-RevitPerformanceConfig
        $now.Optimization.PoolMaxSize | Should -Be 50
        $now.Benchmark.TimeoutSeconds | Should -Be 90
    }

    It 'applies to the live optimizer at once' {
        $optimizer = (Get-RevitPerfCoreType 'RevitPerf.Core.RevitPerfOptimizer')::Current
        Set-RevitPerformanceConfig -PoolCleanupIntervalSeconds 42
        $optimizer.Configuration.Optimization.PoolCleanupIntervalSeconds | Should -Be 42
        $optimize = { @($optimizer.Scheduler.Jobs | Where-Object Name -eq 'Optimize') }
        (& $optimize)[0].Interval | Should -Be ([timespan]::FromSeconds(42))
        Set-RevitPerformanceConfig -MemoryMonitoringEnabled $false
        (& $optimize).Count | Should -Be 0
        Set-RevitPerformanceConfig -MetricsCollectionIntervalSeconds 12
        ($optimizer.Scheduler.Jobs | Where-Object Name -eq 'Metrics').Interval | Should -Be ([timespan]::FromSeconds(12))
        Set-RevitPerformanceConfig -EnableMetricsCollection $false
        $optimizer.Scheduler.Jobs.Count | Should -Be 0
    }

    It 'refuses a results directory or baseline file on another provider, and changes nothing' -ForEach @(
        @{ Parameters = @{ ResultsDirectory = 'Env:\FOO' } }
        @{ Parameters = @{ BaselineFile = 'Variable:\base' } }
    ) {
        $err = $null
        try { Set-RevitPerformanceConfig @Parameters } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
        $err.TargetObject | Should -Be @($Parameters.Values)[0]
        (Get-RevitPerformanceConfig).Benchmark.ResultsDirectory | Should -Be 'benchmark_results'
    }

    It 'resolves a relative results directory against PowerShell''s location, not the process''s' {
        Push-Location $TestDrive
        try {
            Set-RevitPerformanceConfig -SaveResults $true -ResultsDirectory 'relative-results'
            $null = Invoke-RevitBenchmark -Name R -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0
            Join-Path $TestDrive 'relative-results' | Should -Exist
        }
        finally { Pop-Location }
    }

    It 'refuses, when a run starts, a results directory a file set on another provider' {
        Import-RevitPerformanceConfig -Path (New-TestYaml "benchmark:`n  save_results: true`n  results_directory: 'Env:\FOO'`n")
        { Invoke-RevitBenchmark -Name R -ScriptBlock { 1 } -Iterations 2 -WarmupIterations 0 } | Should -Throw -ErrorId 'PathNotFileSystem,*'
    }
}
