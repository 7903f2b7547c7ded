BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Invoke-RevitCachedOperation' {
    BeforeEach {
        Clear-RevitCache -Name * -Confirm:$false
        Reset-RevitCacheStatistics
        $script:runs = 0
    }

    It 'runs the block once and returns the cached output afterwards' {
        $first = Invoke-RevitCachedOperation -Key 'k' { $script:runs++; 'a'; 'b' }
        $second = Invoke-RevitCachedOperation -Key 'k' { $script:runs++; 'other' }
        $runs | Should -Be 1
        $first | Should -Be @('a', 'b')
        $second | Should -Be @('a', 'b')
        $stats = Get-RevitCacheStatistics Default
        $stats.Hits | Should -Be 1
        $stats.Misses | Should -Be 1
    }

    It 'returns output exactly as the block wrote it' {
        $single = Invoke-RevitCachedOperation -Key 'one' { 42 }
        $single | Should -BeOfType [int]
        $again = Invoke-RevitCachedOperation -Key 'one' { 0 }
        $again | Should -Be 42
        $again.GetType().Name | Should -Be 'Int32'

        # Count pipeline objects, not variable contents: assigning one array to a variable unrolls it.
        $direct = (& { , @(1, 2, 3) } | Measure-Object).Count
        (Invoke-RevitCachedOperation -Key 'array' { , @(1, 2, 3) } | Measure-Object).Count | Should -Be $direct
        (Invoke-RevitCachedOperation -Key 'array' { 0 } | Measure-Object).Count | Should -Be 1
        (Invoke-RevitCachedOperation -Key 'array' { 0 } | ForEach-Object { $_.Count }) | Should -Be 3

        $object = Invoke-RevitCachedOperation -Key 'obj' { [pscustomobject]@{ Name = 'Wall'; Id = 7 } }
        (Invoke-RevitCachedOperation -Key 'obj' { 0 }).Name | Should -Be 'Wall'
    }

    It 'caches an empty result as empty' {
        $result = Invoke-RevitCachedOperation -Key 'empty' { $script:runs++ }
        $again = Invoke-RevitCachedOperation -Key 'empty' { $script:runs++; 'late' }
        $result | Should -BeNullOrEmpty
        $again | Should -BeNullOrEmpty
        $runs | Should -Be 1
        (Get-RevitCacheStatistics Default).Hits | Should -Be 1
    }

    It 'caches a $null result and counts it as a hit' {
        Invoke-RevitCachedOperation -Key 'null' { $script:runs++; $null } | Out-Null
        Invoke-RevitCachedOperation -Key 'null' { $script:runs++; 'x' } | Should -BeNullOrEmpty
        $runs | Should -Be 1
    }

    It 'derives a key from the block text and the argument values' {
        $a = Invoke-RevitCachedOperation { param($x) $script:runs++; $x * 2 } -ArgumentList 21
        $b = Invoke-RevitCachedOperation { param($x) $script:runs++; $x * 2 } -ArgumentList 21
        $c = Invoke-RevitCachedOperation { param($x) $script:runs++; $x * 2 } -ArgumentList '21'
        $d = Invoke-RevitCachedOperation { param($x) $script:runs++; $x * 2 } -ArgumentList 22
        $a, $b, $d | Should -Be @(42, 42, 44)
        $c | Should -Be '2121'
        $runs | Should -Be 3
        (Get-RevitCacheEntry).Key | Should -Contain 'param($x) $script:runs++; $x * 2 |args:[1:i:Int32:21,]'
    }

    It 'derives distinct keys for objects through their serialized form' {
        $one = Invoke-RevitCachedOperation { param($o) $o.Id } -ArgumentList ([pscustomobject]@{ Id = 1 })
        $two = Invoke-RevitCachedOperation { param($o) $o.Id } -ArgumentList ([pscustomobject]@{ Id = 2 })
        $one | Should -Be 1
        $two | Should -Be 2
    }

    It 'surfaces the block''s own error and caches nothing' {
        $err = $null
        try { Invoke-RevitCachedOperation -Key 'boom' { throw [System.IO.FileNotFoundException]::new('model.rvt missing') } } catch { $err = $_ }
        $err.Exception | Should -BeOfType [System.IO.FileNotFoundException]
        $err.Exception.Message | Should -Be 'model.rvt missing'
        Get-RevitCacheEntry -Key 'boom' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Invoke-RevitCachedOperation -Key 'boom' { 'recovered' } | Should -Be 'recovered'
    }

    It 'runs the block again and replaces the value with -Force' {
        Invoke-RevitCachedOperation -Key 'f' { 1 } | Out-Null
        Invoke-RevitCachedOperation -Key 'f' { 2 } -Force | Should -Be 2
        Invoke-RevitCachedOperation -Key 'f' { 3 } | Should -Be 2
    }

    It 'expires the entry after -TtlSeconds and records dependencies' {
        Invoke-RevitCachedOperation -Key 'ttl' -TtlSeconds 60 -Dependency 'room7' { 'v' } | Out-Null
        $entry = Get-RevitCacheEntry -Key 'ttl'
        ($entry.ExpiresUtc - $entry.CreatedUtc).TotalSeconds | Should -BeGreaterOrEqual 59.9
        $entry.DependencyList | Should -Be 'room7'
        Remove-RevitCacheEntry -Dependency 'room7' -PassThru | Should -Be 1
    }

    It 'uses the cache -CacheName names' {
        New-RevitCache -Name 'InvokeTest' -Policy LFU | Out-Null
        try {
            Invoke-RevitCachedOperation -Key 'n' -CacheName 'InvokeTest' { 'named' } | Out-Null
            (Get-RevitCacheEntry -CacheName 'InvokeTest').Key | Should -Be 'n'
            Get-RevitCacheEntry | Should -BeNullOrEmpty
        }
        finally { Remove-RevitCache -Name 'InvokeTest' -Confirm:$false }
    }

    It 'refuses bad input with stable error ids' -ForEach @(
        @{ Call = { Invoke-RevitCachedOperation -Key 'x' -CacheName 'NoSuchCache' { 1 } }; Id = 'CacheNotFound,*'; Category = 'ObjectNotFound' }
        @{ Call = { Invoke-RevitCachedOperation -Key 'x' -TtlSeconds -5 { 1 } }; Id = 'ParameterArgumentValidationError,*'; Category = 'InvalidData' }
        @{ Call = { Invoke-RevitCachedOperation -Key '' { 1 } }; Id = 'ParameterArgumentValidationError,*'; Category = 'InvalidData' }
    ) {
        $err = $null
        try { & $Call } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike $Id
        $err.CategoryInfo.Category | Should -Be $Category
    }

    It 'refuses a block that asks for its own key instead of deadlocking' {
        { Invoke-RevitCachedOperation -Key 'self' { Invoke-RevitCachedOperation -Key 'self' { 1 } } } |
            Should -Throw -ErrorId 'CacheRecursiveOperation,*'
    }

    It 'refuses an output larger than the cache''s memory budget' {
        New-RevitCache -Name 'Tiny' -MaxMemoryMB 0.001 | Out-Null
        try {
            { Invoke-RevitCachedOperation -Key 'big' -CacheName 'Tiny' { 'x' * 5000 } } | Should -Throw -ErrorId 'CacheEntryTooLarge,*'
        }
        finally { Remove-RevitCache -Name 'Tiny' -Confirm:$false }
    }

    It 'runs the block once when parallel runspaces miss on the same key' {
        $runs = [System.Collections.Concurrent.ConcurrentBag[int]]::new()
        $module = Get-RevitPerfModulePath
        $results = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            $bag = $using:runs
            Invoke-RevitCachedOperation -Key 'shared' { $bag.Add(1); Start-Sleep -Milliseconds 300; 'computed' }
        }
        $results | Should -Be @('computed', 'computed', 'computed', 'computed')
        $runs.Count | Should -Be 1
    }

    It 'keeps the caches when another runspace imports the module' {
        Set-RevitCacheEntry -Key 'survivor' -Value 1
        $module = Get-RevitPerfModulePath
        1..2 | ForEach-Object -Parallel { Import-Module $using:module; Get-RevitCacheEntry -Key 'survivor' } |
            ForEach-Object Value | Should -Be @(1, 1)
        (Get-RevitCacheEntry -Key 'survivor').Value | Should -Be 1
    }
}
