BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Set-RevitCacheEntry, Get-RevitCacheEntry and Remove-RevitCacheEntry' {
    BeforeEach {
        Clear-RevitCache -Name * -Confirm:$false
        Reset-RevitCacheStatistics
    }

    It 'stores a value and lists it with its size, expiry and dependencies' {
        Set-RevitCacheEntry -Key 'Wall|1' -Value 'abcd' -TtlSeconds 120 -Dependency 'Level|1', 'Phase|2'
        $entry = Get-RevitCacheEntry -Key 'Wall|1'
        $entry.CacheName | Should -Be 'Default'
        $entry.Value | Should -Be 'abcd'
        $entry.SizeBytes | Should -Be 4
        $entry.DependencyList | Should -Be 'Level|1, Phase|2'
        $entry.GetDependencies() | Should -Be @('Level|1', 'Phase|2')
        ($entry.ExpiresUtc - $entry.CreatedUtc).TotalSeconds | Should -BeGreaterOrEqual 119.9
        (Get-RevitCacheStatistics Default).Hits | Should -Be 0
    }

    It 'stores $null and empty collections as values' {
        Set-RevitCacheEntry -Key 'null' -Value $null
        Set-RevitCacheEntry -Key 'empty' -Value @()
        (Get-RevitCacheEntry).Key | Should -Be @('empty', 'null')
        Invoke-RevitCachedOperation -Key 'null' { 'recomputed' } | Should -BeNullOrEmpty
        (Get-RevitCacheStatistics Default).Hits | Should -Be 1
    }

    It 'replaces the value and the dependencies of a key' {
        Set-RevitCacheEntry -Key 'view' -Value 1 -Dependency 'old'
        Set-RevitCacheEntry -Key 'view' -Value 2 -Dependency 'new'
        Remove-RevitCacheEntry -Dependency 'old' -PassThru | Should -Be 0
        (Get-RevitCacheEntry -Key 'view').Value | Should -Be 2
    }

    It 'measures a PowerShell object by what it wraps' {
        Set-RevitCacheEntry -Key 'text' -Value ([psobject]'héllo')
        (Get-RevitCacheEntry -Key 'text').SizeBytes | Should -Be 6
        Set-RevitCacheEntry -Key 'custom' -Value ([pscustomobject]@{ A = 'xy'; B = 'z' })
        (Get-RevitCacheEntry -Key 'custom').SizeBytes | Should -Be (64 + 1 + 2 + 1 + 1)
    }

    It 'takes entries from the pipeline by property name and returns them with -PassThru' {
        $written = @(
            [pscustomobject]@{ Key = 'a'; Value = 1 }
            [pscustomobject]@{ Key = 'b'; Value = 2; TtlSeconds = 30 }
        ) | Set-RevitCacheEntry -PassThru
        $written.Key | Should -Be @('a', 'b')
        (Get-RevitCacheEntry -Key '?').Value | Should -Be @(1, 2)
    }

    It 'matches keys with wildcards, case-sensitively, and reports a missing literal key' {
        'Wall|1', 'Wall|2', 'wall|3', 'Door|1' | ForEach-Object { Set-RevitCacheEntry -Key $_ -Value 0 }
        (Get-RevitCacheEntry -Key 'Wall|*').Key | Should -Be @('Wall|1', 'Wall|2')
        (Get-RevitCacheEntry -Key 'W*', 'D*').Key | Should -Be @('Wall|1', 'Wall|2', 'Door|1')
        $err = $null
        Get-RevitCacheEntry -Key 'Window|1' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CacheEntryNotFound,*'
        $err[0].TargetObject | Should -Be 'Window|1'
        Get-RevitCacheEntry -Key 'Window*' | Should -BeNullOrEmpty
    }

    It 'refuses a value larger than the whole memory budget and keeps the cache as it was' {
        New-RevitCache -Name 'Small' -MaxMemoryMB 0.001 | Out-Null
        try {
            Set-RevitCacheEntry -Key 'keep' -Value 'small' -CacheName Small
            $err = $null
            Set-RevitCacheEntry -Key 'huge' -Value ('x' * 2000) -CacheName Small -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -Be 'CacheEntryTooLarge,RevitPerf.PowerShell.Commands.SetRevitCacheEntryCommand'
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $err[0].TargetObject | Should -Be 'huge'
            $err[0].Exception.Message | Should -Match 'more than the whole memory budget'
            (Get-RevitCacheEntry -CacheName Small).Key | Should -Be 'keep'
        }
        finally { Remove-RevitCache Small -Confirm:$false }
    }

    It 'refuses a negative time-to-live and an unknown cache with stable ids' {
        { Set-RevitCacheEntry -Key 'a' -Value 1 -TtlSeconds -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Set-RevitCacheEntry -Key 'a' -Value 1 -CacheName 'Nope' } | Should -Throw -ErrorId 'CacheNotFound,*'
        Get-RevitCacheEntry | Should -BeNullOrEmpty
    }

    It 'writes nothing with -WhatIf' {
        Set-RevitCacheEntry -Key 'w' -Value 1 -WhatIf
        Get-RevitCacheEntry | Should -BeNullOrEmpty
    }

    It 'removes by key with wildcards and returns the count with -PassThru' {
        'Wall|1', 'Wall|2', 'Door|1' | ForEach-Object { Set-RevitCacheEntry -Key $_ -Value 0 }
        Remove-RevitCacheEntry -Key 'Wall|*' -PassThru | Should -Be 2
        (Get-RevitCacheEntry).Key | Should -Be 'Door|1'
        (Get-RevitCacheStatistics Default).RemovedEntries | Should -Be 2
    }

    It 'removes the entries piped from Get-RevitCacheEntry' {
        'a', 'b', 'c' | ForEach-Object { Set-RevitCacheEntry -Key $_ -Value 0 }
        Get-RevitCacheEntry -Key 'a', 'b' | Remove-RevitCacheEntry
        (Get-RevitCacheEntry).Key | Should -Be 'c'
    }

    It 'reports a missing literal key on removal' {
        $err = $null
        Remove-RevitCacheEntry -Key 'ghost' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CacheEntryNotFound,*'
    }

    It 'invalidates dependents transitively with -Dependency' {
        Set-RevitCacheEntry -Key 'Level|1' -Value 0
        Set-RevitCacheEntry -Key 'Wall|1' -Value 0 -Dependency 'Level|1'
        Set-RevitCacheEntry -Key 'Area|1' -Value 0 -Dependency 'Wall|1'
        Set-RevitCacheEntry -Key 'Other' -Value 0
        Remove-RevitCacheEntry -Dependency 'Level|1' -PassThru | Should -Be 2
        (Get-RevitCacheEntry).Key | Should -Be @('Level|1', 'Other')
        (Get-RevitCacheStatistics Default).InvalidatedEvictions | Should -Be 2
    }

    It 'invalidates matching entries and their dependents with -Pattern' {
        Set-RevitCacheEntry -Key 'Wall|1' -Value 0
        Set-RevitCacheEntry -Key 'Wall|2' -Value 0
        Set-RevitCacheEntry -Key 'Tag|W1' -Value 0 -Dependency 'Wall|1'
        Set-RevitCacheEntry -Key 'Door|1' -Value 0
        Remove-RevitCacheEntry -Pattern 'Wall|*' -PassThru | Should -Be 3
        (Get-RevitCacheEntry).Key | Should -Be 'Door|1'
    }

    It 'removes nothing with -WhatIf' {
        Set-RevitCacheEntry -Key 'stay' -Value 0
        Remove-RevitCacheEntry -Key 'stay' -WhatIf
        Remove-RevitCacheEntry -Pattern '*' -WhatIf
        (Get-RevitCacheEntry).Key | Should -Be 'stay'
    }

    It 'reports a key pattern that cannot be matched, with its id, category and the pattern as target' {
        Set-RevitCacheEntry -Key 'k' -Value 1
        $null = Get-RevitCacheEntry -Key '[z-a]', 'k' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -Be '[z-a]'
        $null = Remove-RevitCacheEntry -Pattern '[z-a]' -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
        $null = Remove-RevitCacheEntry -Key '[z-a]' -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
        (Get-RevitCacheEntry -Key 'k').Value | Should -Be 1
    }
}
