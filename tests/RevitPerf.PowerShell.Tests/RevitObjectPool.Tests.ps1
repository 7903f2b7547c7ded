BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    Reset-RevitPerformanceConfig -Confirm:$false
    $script:optimizer = (Get-RevitPerfCoreType 'RevitPerf.Core.RevitPerfOptimizer')::Current
}

AfterAll {
    Reset-RevitPerformanceConfig -Confirm:$false
}

Describe 'Object pools' {
    AfterEach {
        Get-RevitObjectPool | Remove-RevitObjectPool -Confirm:$false
    }

    Describe 'New-RevitObjectPool' {
        It 'names a pool of a type after its full name and returns its statistics' {
            $pool = New-RevitObjectPool -TypeName System.Text.StringBuilder
            $pool.PSTypeNames[0] | Should -Be 'RevitPerf.PoolStatistics'
            $pool.Name | Should -Be 'System.Text.StringBuilder'
            $pool.ItemType | Should -Be 'System.Text.StringBuilder'
            $pool.MaxSize | Should -Be (Get-RevitPerformanceConfig).Optimization.PoolMaxSize
            $pool.Available | Should -Be 0
        }

        It 'takes a name, a factory, a reset, a size and loan tracking' {
            $pool = New-RevitObjectPool -Name Buffers -Factory { , [System.Collections.Generic.List[int]]::new() } -Reset { param($l) $l.Clear() } -MaxSize 3 -TrackLoans
            $pool.Name | Should -Be 'Buffers'
            $pool.ItemType | Should -Be 'System.Object'
            $pool.MaxSize | Should -Be 3
            $pool.TrackingLoans | Should -BeTrue
        }

        It 'refuses a taken name, a missing name, an unknown or value type and a type without a constructor, with the input as target' {
            New-RevitObjectPool -Name Taken -Factory { [object]::new() } | Out-Null
            $null = New-RevitObjectPool -Name taken -Factory { [object]::new() } -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'PoolAlreadyExists,*'
            $errors[0].TargetObject | Should -Be 'taken'
            $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'

            { New-RevitObjectPool -Factory { 1 } } | Should -Throw -ErrorId 'PoolNotNamed,*'
            $err = { New-RevitObjectPool -TypeName No.Such.Type } | Should -Throw -ErrorId 'PoolTypeInvalid,*' -PassThru
            $err.TargetObject | Should -Be 'No.Such.Type'
            { New-RevitObjectPool -TypeName int } | Should -Throw -ErrorId 'PoolTypeInvalid,*'
            { New-RevitObjectPool -TypeName System.IO.FileStream } | Should -Throw -ErrorId 'PoolFactoryMissing,*'
            { New-RevitObjectPool -Name NoFactory } | Should -Throw -ErrorId 'PoolFactoryMissing,*'
            Get-RevitObjectPool | Should -HaveCount 1
        }

        It 'creates nothing with -WhatIf' {
            New-RevitObjectPool -TypeName System.Text.StringBuilder -WhatIf
            Get-RevitObjectPool | Should -BeNullOrEmpty
        }
    }

    Describe 'Use-RevitPooledObject' {
        It 'hands the block a pooled object, passes its output through and returns the object cleaned' {
            New-RevitObjectPool -TypeName System.Text.StringBuilder -Reset { param($sb) [void]$sb.Clear() } | Out-Null
            $first = Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { param($sb) [void]$sb.Append('a'); $sb.ToString(); $sb.GetHashCode() }
            $first[0] | Should -Be 'a'
            $second = Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { param($sb) $sb.Length; $sb.GetHashCode() }
            $second[0] | Should -Be 0 -Because 'the reset cleared it'
            $second[1] | Should -Be $first[1] -Because 'the same object came back'

            $stats = Get-RevitObjectPool System.Text.StringBuilder
            $stats.Created | Should -Be 1
            $stats.Borrowed | Should -Be 2
            $stats.Returned | Should -Be 2
            $stats.HitRatio | Should -Be 0.5
        }

        It 'creates the pool on first use from the type, and a named one from a factory' {
            Use-RevitPooledObject -TypeName System.Collections.ArrayList -ScriptBlock { param($a) $a.GetType().FullName } | Should -Be 'System.Collections.ArrayList'
            Use-RevitPooledObject -Name Counter -Factory { [pscustomobject]@{ Uses = 0 } } -ScriptBlock { param($o) $o.Uses++; $o.Uses } | Should -Be 1
            Use-RevitPooledObject -Name Counter -ScriptBlock { param($o) $o.Uses++; $o.Uses } | Should -Be 2
            (Get-RevitObjectPool).Name | Should -Be @('Counter', 'System.Collections.ArrayList')
        }

        It 'runs once per pipeline input with the input as $_' {
            $out = 1..3 | Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { param($sb) [void]$sb.Clear().Append('n').Append($_); $sb.ToString() }
            $out | Should -Be @('n1', 'n2', 'n3')
            (Get-RevitObjectPool System.Text.StringBuilder).Borrowed | Should -Be 3
        }

        It 'gives the object back when the block throws, and the error is the block''s own' {
            $err = { Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { param($sb) throw 'wall not found' } } | Should -Throw -PassThru
            $err.Exception.Message | Should -Be 'wall not found'
            $stats = Get-RevitObjectPool System.Text.StringBuilder
            $stats.Outstanding | Should -Be 0
            $stats.Available | Should -Be 1
        }

        It 'writes the block''s warnings and non-terminating errors to its own streams' {
            $out = Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { Write-Warning 'w1'; Write-Error 'e1' -ErrorAction Continue; 'value' } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -Be 'value'
            "$warnings" | Should -Be 'w1'
            "$($errors[0])" | Should -Be 'e1'
        }

        It 'discards an object whose reset throws, with a PoolResetFailed error whose target is the object' {
            New-RevitObjectPool -Name Fragile -Factory { [System.Text.StringBuilder]::new('x') } -Reset { throw 'cannot clean' } | Out-Null
            $out = Use-RevitPooledObject -Name Fragile -ScriptBlock { 'ran' } -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -Be 'ran'
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'PoolResetFailed,*'
            $errors[0].TargetObject.ToString() | Should -Be 'x'
            $errors[0].Exception.Message | Should -Match 'cannot clean'
            $stats = Get-RevitObjectPool Fragile
            $stats.DiscardedResetFailed | Should -Be 1
            $stats.Available | Should -Be 0
        }

        It 'reports a factory that fails or outputs other than one object, and a missing pool, a missing name or the wrong type' {
            New-RevitObjectPool -Name Two -Factory { 1; 2 } | Out-Null
            $err = { Use-RevitPooledObject -Name Two -ScriptBlock { } } | Should -Throw -ErrorId 'PoolFactoryFailed,*' -PassThru
            $err.Exception.Message | Should -Match 'exactly one object; it output 2'
            New-RevitObjectPool -Name Broken -Factory { throw 'no stock' } | Out-Null
            { Use-RevitPooledObject -Name Broken -ScriptBlock { } } | Should -Throw -ErrorId 'PoolFactoryFailed,*'
            { Use-RevitPooledObject -Name Missing -ScriptBlock { } } | Should -Throw -ErrorId 'PoolNotFound,*'
            { Use-RevitPooledObject -ScriptBlock { } } | Should -Throw -ErrorId 'PoolNotNamed,*'
            New-RevitObjectPool -TypeName System.Text.StringBuilder | Out-Null
            { Use-RevitPooledObject -Name System.Text.StringBuilder -TypeName System.Collections.ArrayList -ScriptBlock { } } | Should -Throw -ErrorId 'PoolTypeMismatch,*'
            (Get-RevitObjectPool Two).Created | Should -Be 0
        }

        It 'gives the object back when the pipeline is stopped from another thread' {
            $shell = [powershell]::Create()
            $null = $shell.AddScript("Import-Module '$(Get-RevitPerfModulePath)'; Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { param(`$sb) [void]`$sb.Append('busy'); Start-Sleep -Seconds 60 }")
            $handle = $shell.BeginInvoke()
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ([DateTime]::UtcNow -lt $deadline -and -not ($stats = Get-RevitObjectPool -Name System.Text.StringBuilder -ErrorAction SilentlyContinue | Where-Object Outstanding -eq 1)) {
                    Start-Sleep -Milliseconds 50
                }
                $stats | Should -Not -BeNullOrEmpty
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $watch.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'Stop must not wait for the minute of sleep'
                $after = Get-RevitObjectPool System.Text.StringBuilder
                $after.Outstanding | Should -Be 0
                $after.Available | Should -Be 1
            }
            finally { $shell.Dispose() }
        }
    }

    Describe 'Get-RevitObjectPool' {
        It 'lists pools by name and wildcard, flat for Export-Csv' {
            'A1', 'A2', 'B1' | ForEach-Object { New-RevitObjectPool -Name $_ -Factory { [object]::new() } | Out-Null }
            (Get-RevitObjectPool -Name A*).Name | Should -Be @('A1', 'A2')
            $csv = Join-Path $TestDrive 'pools.csv'
            Get-RevitObjectPool | Export-Csv -LiteralPath $csv -NoTypeInformation
            $rows = Import-Csv $csv
            $rows | Should -HaveCount 3
            $rows[0].PSObject.Properties.Name | Should -Contain 'HitRatio'
            $rows[0].PSObject.Properties.Name | Should -Contain 'OutstandingPeak'
        }

        It 'reports an unknown name and an invalid pattern, with the name as target' {
            $null = Get-RevitObjectPool -Name Nope -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'PoolNotFound,*'
            $errors[0].TargetObject | Should -Be 'Nope'
            $null = Get-RevitObjectPool -Name '[z-a]' -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
        }

        It 'lists the objects still out of a pool that tracks loans, with where they were borrowed' {
            New-RevitObjectPool -Name Tracked -Factory { [object]::new() } -TrackLoans | Out-Null
            $shell = [powershell]::Create()
            $null = $shell.AddScript("Import-Module '$(Get-RevitPerfModulePath)'; Use-RevitPooledObject -Name Tracked -ScriptBlock { Start-Sleep -Seconds 60 }")
            $handle = $shell.BeginInvoke()
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ([DateTime]::UtcNow -lt $deadline -and -not ($loans = @(Get-RevitObjectPool Tracked -Outstanding))) { Start-Sleep -Milliseconds 50 }
                $loans | Should -HaveCount 1
                $loans[0].PSTypeNames[0] | Should -Be 'RevitPerf.PoolLoan'
                $loans[0].Pool | Should -Be 'Tracked'
                $loans[0].Site | Should -Match 'Use-RevitPooledObject -Name Tracked'
                $loans[0].Collected | Should -BeFalse
            }
            finally { $shell.Stop(); $shell.Dispose() }
            Get-RevitObjectPool Tracked -Outstanding | Should -BeNullOrEmpty
        }

        It 'shows a leaked object as Collected once it is garbage-collected' {
            New-RevitObjectPool -Name Leaky -Factory { [object]::new() } -TrackLoans | Out-Null
            $pool = $null
            $script:optimizer.Pools.TryGet('Leaky', [ref]$pool) | Should -BeTrue
            $null = $pool.BorrowObject('leak.ps1:3')
            [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
            $loan = Get-RevitObjectPool Leaky -Outstanding
            $loan.Site | Should -Be 'leak.ps1:3'
            $loan.Collected | Should -BeTrue
        }

        It 'warns that a pool without loan tracking has nothing to list' {
            New-RevitObjectPool -Name Plain -Factory { [object]::new() } | Out-Null
            Get-RevitObjectPool Plain -Outstanding -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeNullOrEmpty
            "$warnings" | Should -Match 'does not track loans'
        }
    }

    Describe 'Reset-RevitObjectPool and Remove-RevitObjectPool' {
        It 'reset drops the idle objects and zeroes the counts; -WhatIf changes nothing' {
            1..2 | Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { } 
            Reset-RevitObjectPool -WhatIf
            (Get-RevitObjectPool).Borrowed | Should -Be 2
            $after = Reset-RevitObjectPool -PassThru -Confirm:$false
            $after.Borrowed | Should -Be 0
            $after.Available | Should -Be 0
        }

        It 'remove takes pool statistics from the pipeline and returns them with -PassThru' {
            New-RevitObjectPool -Name Old -Factory { [object]::new() } | Out-Null
            $removed = Get-RevitObjectPool Old | Remove-RevitObjectPool -PassThru -Confirm:$false
            $removed.Name | Should -Be 'Old'
            Get-RevitObjectPool | Should -BeNullOrEmpty
            { Remove-RevitObjectPool -Name Old -ErrorAction Stop } | Should -Throw -ErrorId 'PoolNotFound,*'
        }

        It 'a pool whose name has wildcard characters is removed by its statistics object alone' {
            New-RevitObjectPool -Name 'Pool[1]' -Factory { [object]::new() } | Out-Null
            New-RevitObjectPool -Name 'Pool1' -Factory { [object]::new() } | Out-Null
            Get-RevitObjectPool -Name 'Pool`[1`]' | Remove-RevitObjectPool -Confirm:$false
            (Get-RevitObjectPool).Name | Should -Be 'Pool1'
        }
    }

    Describe 'Pools and the rest of the module' {
        It 'follows pool_max_size and enable_object_pooling' {
            New-RevitObjectPool -TypeName System.Text.StringBuilder | Out-Null
            try {
                Set-RevitPerformanceConfig -PoolMaxSize 7
                (Get-RevitObjectPool).MaxSize | Should -Be 7
                Set-RevitPerformanceConfig -EnableObjectPooling $false
                1..2 | Use-RevitPooledObject -TypeName System.Text.StringBuilder -ScriptBlock { }
                $stats = Get-RevitObjectPool
                $stats.Enabled | Should -BeFalse
                $stats.Created | Should -Be 2
                $stats.DiscardedPoolingOff | Should -Be 2
            }
            finally { Reset-RevitPerformanceConfig -Confirm:$false }
        }

        It 'counts pools in memory snapshots and trims them in Optimize-RevitMemory' {
            New-RevitObjectPool -Name Idle -Factory { [object]::new() } | Out-Null
            1..3 | Use-RevitPooledObject -Name Idle -ScriptBlock { }
            (Get-RevitMemorySnapshot).PoolCount | Should -Be 1
            $null = Optimize-RevitMemory
            (Optimize-RevitMemory).PoolsTrimmed | Should -Be 1 -Because 'nothing was borrowed since the previous run'
            (Get-RevitObjectPool Idle).Available | Should -Be 0
        }

        It 'completes pool names' {
            New-RevitObjectPool -Name 'Wall Buffers' -Factory { [object]::new() } | Out-Null
            $completion = TabExpansion2 -inputScript 'Get-RevitObjectPool -Name Wa' -cursorColumn 'Get-RevitObjectPool -Name Wa'.Length
            $completion.CompletionMatches.CompletionText | Should -Contain "'Wall Buffers'"
        }
    }
}
