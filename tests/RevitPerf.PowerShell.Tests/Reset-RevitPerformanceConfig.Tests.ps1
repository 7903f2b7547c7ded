BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Reset-RevitPerformanceConfig' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Set-RevitPerformanceConfig -CacheMaxSize 5 -MaxWorkers 2 -CacheHitRatio 0.5
    }

    It 'returns every setting to its default' {
        Reset-RevitPerformanceConfig -Confirm:$false
        $config = Get-RevitPerformanceConfig
        $config.HasSameValues((Get-RevitPerformanceConfig -Default)) | Should -BeTrue
        $config.Source | Should -Be 'Defaults'
    }

    It 'resets only the sections named' {
        $config = Reset-RevitPerformanceConfig -Section Optimization, PerformanceTargets -Confirm:$false -PassThru
        $config.Optimization.CacheMaxSize | Should -Be 10000
        $config.PerformanceTargets.CacheHitRatio | Should -Be 0.85
        $config.Benchmark.MaxWorkers | Should -Be 2
    }

    It 'changes nothing with -WhatIf' {
        Reset-RevitPerformanceConfig -WhatIf
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 5
    }

    It 'applies the defaults to the live optimizer' {
        $optimizer = (Get-RevitPerfCoreType 'RevitPerf.Core.RevitPerfOptimizer')::Current
        Reset-RevitPerformanceConfig -Confirm:$false
        $optimizer.Configuration.Optimization.CacheMaxSize | Should -Be 10000
    }
}
