BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Export-RevitPerformanceConfig' {
    BeforeEach { Reset-RevitPerformanceConfig -Confirm:$false }

    It 'writes every setting with its current value under its section' {
        Set-RevitPerformanceConfig -CacheMaxSize 4242 -CacheHitRatio 0.95
        $file = Join-Path $TestDrive 'all.yaml'
        Export-RevitPerformanceConfig $file
        $text = Get-Content -Raw $file
        $text | Should -Match '(?m)^optimization:$'
        $text | Should -Match '(?m)^  cache_max_size: 4242$'
        $text | Should -Match '(?m)^  performance_targets:$'
        $text | Should -Match '(?m)^    cache_hit_ratio: 0.95$'
        $text | Should -Match '(?m)^# RevitPerf \d+\.\d+\.\d+ performance configuration, exported '
        foreach ($setting in (Get-RevitPerfCoreType 'RevitPerf.Core.Configuration.ConfigurationSchema')::All) {
            $text | Should -Match "(?m)^\s+$($setting.Key): "
        }
        [IO.File]::ReadAllBytes($file)[0] | Should -Be ([byte][char]'#')   # no byte-order mark
    }

    It 'writes the configuration piped in, and returns the file with -PassThru' {
        $defaults = Get-RevitPerformanceConfig -Default
        Set-RevitPerformanceConfig -CacheMaxSize 5
        $file = $defaults | Export-RevitPerformanceConfig (Join-Path $TestDrive 'defaults.yaml') -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        Get-Content -Raw $file.FullName | Should -Match '(?m)^  cache_max_size: 10000$'
    }

    It 'overwrites an existing file by default' {
        $file = Join-Path $TestDrive 'over.yaml'
        Set-Content $file 'old'
        Export-RevitPerformanceConfig $file
        Get-Content -Raw $file | Should -Not -Match '^old'
    }

    It 'refuses to overwrite with -NoClobber, with a ResourceExists error' {
        $file = Join-Path $TestDrive 'keep.yaml'
        Set-Content $file 'keep me'
        $err = $null
        try { Export-RevitPerformanceConfig $file -NoClobber } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ConfigFileExists,RevitPerf.PowerShell.Commands.ExportRevitPerformanceConfigCommand'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.TargetObject | Should -Be $file
        (Get-Content -Raw $file).Trim() | Should -Be 'keep me'
    }

    It 'overwrites a read-only file only with -Force' -Skip:($IsLinux -and ([Environment]::UserName -eq 'root')) {
        $file = Join-Path $TestDrive 'ro.yaml'
        Set-Content $file 'locked'
        (Get-Item $file).IsReadOnly = $true
        { Export-RevitPerformanceConfig $file } | Should -Throw -ErrorId 'ConfigFileWriteFailed,*'
        Export-RevitPerformanceConfig $file -Force
        Get-Content -Raw $file | Should -Match 'cache_max_size'
    }

    It 'reports a folder that does not exist as a write error' {
        $err = $null
        try { Export-RevitPerformanceConfig (Join-Path $TestDrive 'no/such/dir/x.yaml') } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConfigFileWriteFailed,*'
        $err.CategoryInfo.Category | Should -Be 'WriteError'
    }

    It 'refuses a path on another provider' {
        { Export-RevitPerformanceConfig 'Env:\RevitPerfTest' } | Should -Throw -ErrorId 'PathNotFileSystem,*'
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'whatif.yaml'
        Export-RevitPerformanceConfig $file -WhatIf
        $file | Should -Not -Exist
    }

    It 'resolves a relative path against the current location' {
        Push-Location $TestDrive
        try { Export-RevitPerformanceConfig 'relative.yaml' } finally { Pop-Location }
        Join-Path $TestDrive 'relative.yaml' | Should -Exist
    }

    It 'writes text YAML would break on so that it imports back the same' -ForEach "line`u{2028}separator", "para`u{2029}graph", "bom`u{FEFF}", "c1`u{0085}next" {
        Set-RevitPerformanceConfig -ResultsDirectory $_
        $file = Join-Path $TestDrive 'awkward.yaml'
        Export-RevitPerformanceConfig -Path $file -Force
        Reset-RevitPerformanceConfig -Confirm:$false
        Import-RevitPerformanceConfig -Path $file
        (Get-RevitPerformanceConfig).Benchmark.ResultsDirectory | Should -Be $_
    }

    It 'refuses a path that is not a valid file system path, naming it' {
        $err = $null
        try { Export-RevitPerformanceConfig -Path "bad`0name.yaml" } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PathInvalid,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Not -BeNullOrEmpty
    }
}
