BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'New-RevitCache, Get-RevitCache, Remove-RevitCache and Clear-RevitCache' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Get-RevitCache | Where-Object { -not $_.IsDefault } | Remove-RevitCache -Confirm:$false
        Clear-RevitCache -Confirm:$false
    }

    It 'lists the default cache, sized from the configuration' {
        $default = Get-RevitCache
        $default.Name | Should -Be 'Default'
        $default.IsDefault | Should -BeTrue
        $default.Policy | Should -Be 'LRU'
        $default.MaxSize | Should -Be 10000
        $default.MaxMemoryMB | Should -Be 100
        $default.TtlSeconds | Should -Be 3600
    }

    It 'resizes the default cache when the configuration changes' {
        1..10 | ForEach-Object { Set-RevitCacheEntry -Key "k$_" -Value $_ }
        Set-RevitPerformanceConfig -CacheMaxSize 4 -CacheTtlSeconds 60
        $default = Get-RevitCache Default
        $default.MaxSize | Should -Be 4
        $default.Count | Should -Be 4
        $default.TtlSeconds | Should -Be 60
    }

    It 'creates a named cache with its own policy and limits' {
        $cache = New-RevitCache -Name 'Geometry' -Policy Adaptive -MaxSize 50 -MaxMemoryMB 2 -TtlSeconds 30
        $cache.Name | Should -Be 'Geometry'
        $cache.Policy | Should -Be 'Adaptive'
        $cache.MaxSize | Should -Be 50
        $cache.MaxMemoryMB | Should -Be 2
        $cache.TtlSeconds | Should -Be 30
        $cache.IsDefault | Should -BeFalse
        (Get-RevitCache).Name | Should -Be @('Default', 'Geometry')
    }

    It 'takes unspecified limits from the configuration' {
        Set-RevitPerformanceConfig -CacheMaxSize 77
        (New-RevitCache -Name 'FromConfig').MaxSize | Should -Be 77
    }

    It 'evicts by its policy when full' {
        New-RevitCache -Name 'Fifo' -Policy FIFO -MaxSize 2 | Out-Null
        Set-RevitCacheEntry -Key 'a' -Value 1 -CacheName Fifo
        Set-RevitCacheEntry -Key 'b' -Value 2 -CacheName Fifo
        Invoke-RevitCachedOperation -Key 'a' -CacheName Fifo { 0 } | Out-Null
        Set-RevitCacheEntry -Key 'c' -Value 3 -CacheName Fifo
        (Get-RevitCacheEntry -CacheName Fifo).Key | Should -Be @('b', 'c')
        (Get-RevitCacheStatistics Fifo).CapacityEvictions | Should -Be 1
    }

    It 'refuses a duplicate name, a bad size and an unknown policy' {
        New-RevitCache -Name 'Dup' | Out-Null
        $err = $null
        New-RevitCache -Name 'dup' -ErrorAction SilentlyContinue -ErrorVariable err | Out-Null
        $err[0].FullyQualifiedErrorId | Should -Be 'CacheAlreadyExists,RevitPerf.PowerShell.Commands.NewRevitCacheCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        { New-RevitCache -Name 'Zero' -MaxSize 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { New-RevitCache -Name 'Bad' -Policy Random } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,*'
        (Get-RevitCache).Name | Should -Be @('Default', 'Dup')
    }

    It 'creates nothing with -WhatIf' {
        New-RevitCache -Name 'Maybe' -WhatIf
        Get-RevitCache 'Maybe' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'finds caches by wildcard and reports an unknown literal name' {
        New-RevitCache -Name 'Geo1' | Out-Null
        New-RevitCache -Name 'Geo2' | Out-Null
        (Get-RevitCache 'geo*').Name | Should -Be @('Geo1', 'Geo2')
        $err = $null
        Get-RevitCache 'Nope' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'CacheNotFound,RevitPerf.PowerShell.Commands.GetRevitCacheCommand'
        $err[0].TargetObject | Should -Be 'Nope'
    }

    It 'completes cache names' {
        New-RevitCache -Name 'Completion Test' | Out-Null
        $line = "Get-RevitCacheEntry -CacheName Comp"
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain "'Completion Test'"
    }

    It 'removes named caches, returns them with -PassThru, and keeps the default one' {
        New-RevitCache -Name 'Gone' | Out-Null
        Set-RevitCacheEntry -Key 'x' -Value 1 -CacheName Gone
        (Remove-RevitCache -Name 'Gone' -PassThru -Confirm:$false).Count | Should -Be 1
        Get-RevitCache 'Gone' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err = $null
        Remove-RevitCache -Name 'Default' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CacheNotRemovable,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        Remove-RevitCache -Name '*' -Confirm:$false
        (Get-RevitCache).Name | Should -Be 'Default'
    }

    It 'clears the entries of the caches named, keeping the caches' {
        New-RevitCache -Name 'Other' | Out-Null
        Set-RevitCacheEntry -Key 'a' -Value 1
        Set-RevitCacheEntry -Key 'b' -Value 1 -CacheName Other
        Clear-RevitCache -Confirm:$false -PassThru | Should -Be 1
        (Get-RevitCacheEntry -CacheName *).Key | Should -Be 'b'
        Clear-RevitCache -Name * -Confirm:$false
        Get-RevitCacheEntry -CacheName * | Should -BeNullOrEmpty
        (Get-RevitCache).Count | Should -Be 2
    }

    It 'clears nothing with -WhatIf' {
        Set-RevitCacheEntry -Key 'a' -Value 1
        Clear-RevitCache -WhatIf
        (Get-RevitCacheEntry).Key | Should -Be 'a'
    }
}
