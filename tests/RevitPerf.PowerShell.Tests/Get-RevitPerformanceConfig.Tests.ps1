BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Get-RevitPerformanceConfig' {
    BeforeEach { Reset-RevitPerformanceConfig -Confirm:$false }

    It 'returns the whole configuration with its three sections and source' {
        $config = Get-RevitPerformanceConfig
        $config.GetType().FullName | Should -Be 'RevitPerf.Core.Configuration.PerformanceConfiguration'
        $config.Source | Should -Be 'Defaults'
        $config.Optimization.CacheMaxSize | Should -Be 10000
        $config.Benchmark.ParallelExecution | Should -BeFalse
        $config.PerformanceTargets.CacheHitRatio | Should -Be 0.85
    }

    It 'returns a copy: changing it changes nothing in force' {
        $config = Get-RevitPerformanceConfig
        $config.Optimization.CacheMaxSize = 5
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'refuses an invalid value even on a copy' {
        $config = Get-RevitPerformanceConfig
        { $config.Optimization.CacheMaxSize = 0 } | Should -Throw '*cache_max_size*must be an integer from 1 to 2147483647*'
        $config.Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'returns the sections asked for, in order, as flat objects' {
        $sections = Get-RevitPerformanceConfig -Section PerformanceTargets, Optimization
        $sections.Count | Should -Be 2
        $sections[0].GetType().Name | Should -Be 'PerformanceTargets'
        $sections[1].GetType().Name | Should -Be 'OptimizationConfig'
        foreach ($property in $sections[1].PSObject.Properties) {
            $property.TypeNameOfValue | Should -BeIn @('System.Int32', 'System.Double', 'System.Boolean', 'System.String')
        }
    }

    It 'returns the defaults with -Default, whatever is in force' {
        Set-RevitPerformanceConfig -CacheMaxSize 7
        (Get-RevitPerformanceConfig -Default).Optimization.CacheMaxSize | Should -Be 10000
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 7
    }

    It 'exports a section cleanly through Export-Csv and ConvertTo-Json' {
        $csv = Join-Path $TestDrive 'targets.csv'
        Get-RevitPerformanceConfig -Section PerformanceTargets | Export-Csv $csv -NoTypeInformation
        $row = Import-Csv $csv
        $row.StartupTimeMs | Should -Be '1000'
        $row.CacheHitRatio | Should -Be '0.85'
        (Get-Content $csv -Raw) | Should -Not -Match 'RevitPerf\.Core'
        $json = Get-RevitPerformanceConfig | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json.Optimization.CacheTtlSeconds | Should -Be 3600
        $json.Benchmark.ResultsDirectory | Should -Be 'benchmark_results'
    }

    It 'shows as a readable list by default' {
        $text = Get-RevitPerformanceConfig | Out-String
        $text | Should -Match 'Source: Defaults'
        $text | Should -Match 'Optimization \(optimization:\)'
        $text | Should -Match 'PerformanceTargets \(benchmark: performance_targets:\)'
        $text | Should -Match 'CacheMaxSize\s+: 10000'
        $text | Should -Not -Match 'RevitPerf\.Core\.Configuration'
    }

    It 'refuses an unknown section name' {
        { Get-RevitPerformanceConfig -Section Nope } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,RevitPerf.PowerShell.Commands.GetRevitPerformanceConfigCommand'
    }
}
