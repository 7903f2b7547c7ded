BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest

    function Get-ImportErrors {
        # Runs an import and returns its errors (non-terminating, so all of them).
        param([string[]] $Path)
        $errors = $null
        Import-RevitPerformanceConfig -Path $Path -ErrorAction SilentlyContinue -ErrorVariable errors
        , @($errors)
    }
}

Describe 'Import-RevitPerformanceConfig' {
    BeforeEach { Reset-RevitPerformanceConfig -Confirm:$false }

    It 'makes the file''s settings the configuration in force, the rest the defaults' {
        Set-RevitPerformanceConfig -MaxWorkers 2
        $file = New-TestYaml "optimization:`n  cache_max_size: 500`nbenchmark:`n  performance_targets:`n    cache_hit_ratio: 0.9`n"
        Import-RevitPerformanceConfig $file
        $config = Get-RevitPerformanceConfig
        $config.Optimization.CacheMaxSize | Should -Be 500
        $config.PerformanceTargets.CacheHitRatio | Should -Be 0.9
        $config.Benchmark.MaxWorkers | Should -Be 4
        $config.Source | Should -Be $file
    }

    It 'reads an exported file back to an identical configuration' {
        Set-RevitPerformanceConfig -CacheMaxSize 1234 -CacheTtlSeconds 0.25 -BaselineFile 'C:\base "1".json' -StrictTargetValidation $true -ThroughputOpsPerSec 123456.789
        $before = Get-RevitPerformanceConfig
        $file = Join-Path $TestDrive 'roundtrip.yaml'
        Export-RevitPerformanceConfig $file
        Reset-RevitPerformanceConfig -Confirm:$false
        Import-RevitPerformanceConfig $file
        $after = Get-RevitPerformanceConfig
        $before.HasSameValues($after) | Should -BeTrue
    }

    It 'layers several files: later ones override earlier ones' {
        $base = New-TestYaml "optimization:`n  cache_max_size: 1`n  pool_max_size: 2`n"
        $ci = New-TestYaml "optimization:`n  pool_max_size: 3`n"
        $config = Import-RevitPerformanceConfig $base, $ci -PassThru
        $config.Optimization.CacheMaxSize | Should -Be 1
        $config.Optimization.PoolMaxSize | Should -Be 3
    }

    It 'expands wildcards and takes files from Get-ChildItem' {
        $dir = Join-Path $TestDrive 'wild'
        New-Item -ItemType Directory $dir | Out-Null
        [IO.File]::WriteAllText((Join-Path $dir 'only.yaml'), "benchmark:`n  max_workers: 7`n")
        Import-RevitPerformanceConfig (Join-Path $dir '*.yaml')
        (Get-RevitPerformanceConfig).Benchmark.MaxWorkers | Should -Be 7
        Reset-RevitPerformanceConfig -Confirm:$false
        Get-ChildItem $dir -Filter *.yaml | Import-RevitPerformanceConfig
        (Get-RevitPerformanceConfig).Benchmark.MaxWorkers | Should -Be 7
    }

    It 'takes -LiteralPath without expanding wildcards' {
        $file = New-TestYaml "benchmark:`n  max_workers: 6`n" -Name 'odd[1].yaml'
        Import-RevitPerformanceConfig -LiteralPath $file
        (Get-RevitPerformanceConfig).Benchmark.MaxWorkers | Should -Be 6
    }

    It 'reports an unknown key with file, line, column and the closest key, and changes nothing' {
        Set-RevitPerformanceConfig -CacheMaxSize 77
        $file = New-TestYaml "optimization:`n  cache_max_size: 5`n  cache_max_sise: 6`n"
        $errors = Get-ImportErrors $file
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ConfigUnknownKey,RevitPerf.PowerShell.Commands.ImportRevitPerformanceConfigCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -Be "${file}:3:3: unknown key 'cache_max_sise' in 'optimization'. Did you mean 'cache_max_size'?"
        $errors[0].TargetObject.File | Should -Be $file
        $errors[0].TargetObject.Line | Should -Be 3
        $errors[0].TargetObject.Column | Should -Be 3
        $errors[0].TargetObject.Suggestion | Should -Be 'optimization.cache_max_size'
        $errors[0].ErrorDetails.RecommendedAction | Should -Be "Use 'optimization.cache_max_size'."
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 77
    }

    It 'reports a wrong type with key, line, column, value and the allowed values' {
        $file = New-TestYaml "benchmark:`n  max_workers: many`n"
        $err = (Get-ImportErrors $file)[0]
        $err.FullyQualifiedErrorId | Should -BeLike 'ConfigInvalidType,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidType'
        $err.Exception.Message | Should -Be "${file}:2:16: 'benchmark.max_workers' must be an integer from 1 to 512; got many"
    }

    It 'reports an out-of-range value with the value and the allowed range' {
        $file = New-TestYaml "benchmark:`n  performance_targets:`n    cache_hit_ratio: 1.5`n"
        $err = (Get-ImportErrors $file)[0]
        $err.FullyQualifiedErrorId | Should -BeLike 'ConfigValueOutOfRange,*'
        $err.TargetObject.Key | Should -Be 'benchmark.performance_targets.cache_hit_ratio'
        $err.TargetObject.Value | Should -Be '1.5'
        $err.TargetObject.AllowedValues | Should -Be 'a number from 0 to 1'
        $err.Exception.Message | Should -Match ':3:22: .*must be a number from 0 to 1; got 1.5 \(it is greater than 1\)'
    }

    It 'reports every problem of a file, in order, and applies none of the valid settings' {
        $file = New-TestYaml ("optimization:`n  cache_max_size: -1`n  bogus: 1`n  pool_max_size: 9`n" +
            "benchmark:`n  save_results: maybe`n  performance_targets:`n    startup_time_ms: 0`n")
        $errors = Get-ImportErrors $file
        $errors.Count | Should -Be 4
        $errors.TargetObject.Line | Should -Be @(2, 3, 6, 8)
        (Get-RevitPerformanceConfig).Optimization.PoolMaxSize | Should -Be 1000
    }

    It 'reports malformed YAML with line and column' {
        $file = New-TestYaml "optimization:`n  cache_max_size: [1, 2`n"
        $err = (Get-ImportErrors $file)[0]
        $err.FullyQualifiedErrorId | Should -BeLike 'ConfigSyntaxError,*'
        $err.CategoryInfo.Category | Should -Be 'ParserError'
        $err.TargetObject.Line | Should -Be 3
        $err.Exception.Message | Should -Match '^.+:3:\d+: malformed YAML: '
    }

    It 'applies nothing when one of several files is bad' {
        $good = New-TestYaml "optimization:`n  cache_max_size: 1`n"
        $bad = New-TestYaml "optimization:`n  cache_max_size: 0`n"
        (Get-ImportErrors $good, $bad).Count | Should -Be 1
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'reports a missing file as ObjectNotFound with the path as target, and changes nothing' {
        $good = New-TestYaml "optimization:`n  cache_max_size: 1`n"
        $missing = Join-Path $TestDrive 'missing.yaml'
        $errors = Get-ImportErrors $good, $missing
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConfigFileNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be $missing
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'reports a wildcard that matches nothing' {
        $errors = Get-ImportErrors (Join-Path $TestDrive 'nothing-*.yaml')
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConfigFileNotFound,*'
    }

    It 'refuses a path on another provider' {
        $errors = Get-ImportErrors 'Env:\PATH'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'changes nothing with -WhatIf' {
        $file = New-TestYaml "optimization:`n  cache_max_size: 3`n"
        Import-RevitPerformanceConfig $file -WhatIf
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'reports a value nested fifty thousand levels deep as a syntax problem, and changes nothing' {
        $file = Join-Path $TestDrive 'deep.yaml'
        [IO.File]::WriteAllText($file, "optimization:`n  cache_max_size: " + ('[' * 50000) + (']' * 50000) + "`n")
        $null = Import-RevitPerformanceConfig -Path $file -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConfigSyntaxError,*'
        $errors[0].Exception.Message | Should -Match 'nests deeper than 64 levels'
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }

    It 'reads a tagged value by its tag: !!str 5 is no integer, an unknown tag no value' -ForEach '!!str 5', '!custom 5' {
        $file = New-TestYaml "optimization:`n  cache_max_size: $_`n"
        $null = Import-RevitPerformanceConfig -Path $file -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConfigInvalidType,*'
        (Get-RevitPerformanceConfig).Optimization.CacheMaxSize | Should -Be 10000
    }
}

Describe 'A password in results_store' {
    It 'is refused from a file and from Set-RevitPerformanceConfig, and shown in neither error' {
        $secret = 'S3cret-' + [guid]::NewGuid().ToString('N')
        $file = New-TestYaml -Text "benchmark:`n  results_store: 'Host=db;Database=perf;Username=ci;Password=$secret'`n"
        $null = Import-RevitPerformanceConfig -Path $file -ErrorVariable imported -ErrorAction SilentlyContinue
        try { Set-RevitPerformanceConfig -ResultsStore "postgresql://ci:$secret@db/perf" -ErrorAction Stop } catch { $set = $_ }
        $imported.Count | Should -Be 1
        "$($imported[0])" | Should -BeLike '*holds a password*'
        "$set" | Should -BeLike '*holds a password*'
        foreach ($record in @($imported) + $set) {
            "$record $($record.TargetObject | Format-List * | Out-String) $($record.Exception.ToString())" | Should -Not -Match $secret
        }
        (Get-RevitPerformanceConfig).Benchmark.ResultsStore | Should -BeNullOrEmpty
    }
}
