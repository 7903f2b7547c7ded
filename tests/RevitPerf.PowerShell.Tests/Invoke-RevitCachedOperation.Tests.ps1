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
        # The key is the hash of the call's canonical form: short, whatever the arguments.
        $cacheKey = Get-RevitPerfCoreType 'RevitPerf.Core.Caching.CacheKey'
        (Get-RevitCacheEntry).Key | Should -Contain $cacheKey::FromCanonical('param($x) $script:runs++; $x * 2 |args:[1:i:Int32:21,]')
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

    It 'sends the block''s errors, warnings and information through its own streams; a hit replays nothing' {
        # The block runs as & runs it, under the caller's preferences: the test runner's is Stop.
        $ErrorActionPreference = 'Continue'
        $out = Invoke-RevitCachedOperation -Key 'streams' { Write-Error 'soft'; Write-Warning 'careful'; Write-Information 'fyi'; 5 } `
            -ErrorVariable errs -WarningVariable warns -InformationVariable infos -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $out | Should -Be 5
        $errs.Count | Should -Be 1
        "$($errs[0])" | Should -Be 'soft'
        "$warns" | Should -Be 'careful'
        "$infos" | Should -Be 'fyi'

        $captured = Invoke-RevitCachedOperation -Key 'streams2' { Write-Error 'soft'; 6 } 2>&1
        ($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 1
        Invoke-RevitCachedOperation -Key 'streams3' { Write-Error 'quiet'; 7 } 2>$null | Should -Be 7

        $again = Invoke-RevitCachedOperation -Key 'streams' { 0 } -ErrorVariable errs2 -WarningVariable warns2 -WarningAction SilentlyContinue
        $again | Should -Be 5
        $errs2.Count | Should -Be 0
        $warns2.Count | Should -Be 0
    }

    It 'keeps calls apart that differ only deep inside their arguments' {
        $one = Invoke-RevitCachedOperation { param($x) $x.a.b.c.d } -ArgumentList ([xml]'<a><b><c><d>1</d></c></b></a>')
        $two = Invoke-RevitCachedOperation { param($x) $x.a.b.c.d } -ArgumentList ([xml]'<a><b><c><d>2</d></c></b></a>')
        $one | Should -Be '1'
        $two | Should -Be '2'
    }

    It 'refuses arguments it cannot key faithfully, asking for -Key' {
        $err = $null
        try { Invoke-RevitCachedOperation { param($p) $p.Id } -ArgumentList (Get-Process -Id $PID) } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'CacheKeyNotDerivable,*'
        $err.Exception.Message | Should -Match 'explicit key'
        Invoke-RevitCachedOperation -Key 'me' { param($p) $p.Id } -ArgumentList (Get-Process -Id $PID) | Should -Be $PID
    }

    It 'survives a value that holds itself, and one nested fifty thousand deep' {
        $o = [pscustomobject]@{ a = 1 }
        $o | Add-Member -NotePropertyName self -NotePropertyValue $o
        Set-RevitCacheEntry -Key 'selfish' -Value $o
        (Get-RevitCacheEntry -Key 'selfish').SizeBytes | Should -BeGreaterThan 0
        (Invoke-RevitCachedOperation -Key 'selfish2' { $o }).a | Should -Be 1
        $a = 1; 1..50000 | ForEach-Object { $a = , $a }
        Set-RevitCacheEntry -Key 'deep' -Value $a
        (Get-RevitCacheEntry -Key 'deep').SizeBytes | Should -BeGreaterThan 50000
    }

    It 'counts keys against the memory budget and keeps derived keys short' {
        New-RevitCache -Name 'Keys' -MaxMemoryMB 1 | Out-Null
        try {
            foreach ($i in 1..20) { Set-RevitCacheEntry -CacheName 'Keys' -Key ("$i" + ('k' * 500000)) -Value $i }
            (Get-RevitCacheStatistics -Name 'Keys').MemoryBytes | Should -BeLessOrEqual 1MB
            (Get-RevitCache -Name 'Keys').Count | Should -BeLessOrEqual 2
        }
        finally { Remove-RevitCache -Name 'Keys' -Confirm:$false }
        Invoke-RevitCachedOperation { param($s) $s.Length } -ArgumentList ('x' * 100000) | Should -Be 100000
        (Get-RevitCacheEntry).Key | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }
}

Describe 'Invoke-RevitCachedOperation across runspaces' {
    BeforeAll {
        function New-Worker([scriptblock] $Script, [object[]] $Arguments) {
            # A runspace of its own with the module imported, running $Script asynchronously.
            $runspace = [runspacefactory]::CreateRunspace()
            $runspace.Open()
            $shell = [powershell]::Create()
            $shell.Runspace = $runspace
            $null = $shell.AddScript("Import-Module '$(Get-RevitPerfModulePath)'").AddStatement().AddScript($Script)
            foreach ($argument in $Arguments) { $null = $shell.AddArgument($argument) }
            [pscustomobject]@{ Shell = $shell; Handle = $shell.BeginInvoke() }
        }

        function Stop-Worker($Worker) {
            $Worker.Shell.Dispose()
            $Worker.Shell.Runspace.Dispose()
        }
    }

    BeforeEach { Clear-RevitCache -Name * -Confirm:$false }

    It 'lets a waiter be stopped while the owner still runs' {
        $ready = [System.Threading.ManualResetEventSlim]::new(); $gate = [System.Threading.ManualResetEventSlim]::new()
        $owner = New-Worker { param($ready, $gate) Invoke-RevitCachedOperation -Key 'slow' { $ready.Set(); $null = $gate.Wait(60000); 'owner' } } $ready, $gate
        try {
            $ready.Wait(30000) | Should -BeTrue
            $waiter = New-Worker { Invoke-RevitCachedOperation -Key 'slow' { 'waiter' } }
            Start-Sleep -Milliseconds 200
            $stop = $waiter.Shell.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne(30000) | Should -BeTrue -Because 'the waiter must not wait for the owner to stop'
            $owner.Handle.IsCompleted | Should -BeFalse
        }
        finally {
            $gate.Set()
            $owner.Shell.EndInvoke($owner.Handle) | Should -Be 'owner'
            Stop-Worker $owner; if ($waiter) { Stop-Worker $waiter }
        }
    }

    It 'gives the key to a waiter when its owner is stopped, instead of the owner''s cancellation' {
        $ready = [System.Threading.ManualResetEventSlim]::new(); $gate = [System.Threading.ManualResetEventSlim]::new()
        # The owner waits in short steps: a stop takes effect between PowerShell statements, not inside a .NET wait.
        $owner = New-Worker { param($ready, $gate) Invoke-RevitCachedOperation -Key 'handed' { $ready.Set(); while (-not $gate.Wait(50)) { }; 'owner' } } $ready, $gate
        $ready.Wait(30000) | Should -BeTrue
        $waiter = New-Worker { Invoke-RevitCachedOperation -Key 'handed' { 'waiter' } }
        try {
            Start-Sleep -Milliseconds 200
            $owner.Shell.Stop()
            $waiter.Shell.EndInvoke($waiter.Handle) | Should -Be 'waiter'
            $waiter.Shell.HadErrors | Should -BeFalse
            (Get-RevitCacheEntry -Key 'handed').Value | Should -Be 'waiter'
        }
        finally { $gate.Set(); Stop-Worker $owner; Stop-Worker $waiter }
    }

    It 'fails both sides fast when two runspaces wait for each other''s keys, and leaves nothing hanging' {
        $aOwns = [System.Threading.ManualResetEventSlim]::new(); $bOwns = [System.Threading.ManualResetEventSlim]::new()
        # The inner call's error ends its statement (as any cmdlet's terminating error in a script), so each side's
        # outer call writes it as an error of its own.
        $cross = {
            param($mine, $theirs, $iOwn, $theyOwn)
            Invoke-RevitCachedOperation -Key $mine { $iOwn.Set(); $null = $theyOwn.Wait(30000); Invoke-RevitCachedOperation -Key $theirs { 'inner' } }
        }
        $a = New-Worker $cross 'K1', 'K2', $aOwns, $bOwns
        $b = New-Worker $cross 'K2', 'K1', $bOwns, $aOwns
        try {
            $a.Handle.AsyncWaitHandle.WaitOne(30000) | Should -BeTrue -Because 'a wait cycle must not hang'
            $b.Handle.AsyncWaitHandle.WaitOne(30000) | Should -BeTrue -Because 'a wait cycle must not hang'
            $null = $a.Shell.EndInvoke($a.Handle); $null = $b.Shell.EndInvoke($b.Handle)

            # The side that finds the cycle fails; the other may then go on with what the first one cached.
            $errors = @($a.Shell.Streams.Error) + @($b.Shell.Streams.Error)
            $errors.Count | Should -BeGreaterOrEqual 1
            $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'CacheRecursiveOperation,*' }
            $errors[0].Exception.Message | Should -Match 'wait for each other'
            Invoke-RevitCachedOperation -Key 'K3' { Invoke-RevitCachedOperation -Key 'K1' { 'third' } } | Should -BeNullOrEmpty
        }
        finally { Stop-Worker $a; Stop-Worker $b }
    }
}
