BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest

    function Wait-Until([scriptblock] $Condition, [int] $TimeoutSeconds = 15) {
        # Polls a condition with a bounded wait: the monitor samples on its own timer.
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSeconds s waiting for: $Condition" }
            Start-Sleep -Milliseconds 50
        }
    }

    function Start-Child {
        # A real child process to watch.
        if ($IsWindows) { Start-Process -FilePath ping -ArgumentList '-n', '120', '127.0.0.1' -PassThru -WindowStyle Hidden }
        else { Start-Process -FilePath sleep -ArgumentList 120 -PassThru }
    }
}

Describe 'Memory monitor cmdlets' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
        Get-Event -ErrorAction Ignore | Remove-Event
    }

    AfterAll {
        Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
    }

    It 'takes a snapshot of this process with the runtime figures' {
        Set-RevitCacheEntry -Key snap -Value 1
        $snapshot = Get-RevitMemorySnapshot
        $snapshot.PSObject.TypeNames[0] | Should -Be 'RevitPerf.MemorySnapshot'
        $snapshot.ProcessId | Should -Be $PID
        $snapshot.WorkingSetMB | Should -BeGreaterThan 0
        $snapshot.ManagedHeapMB | Should -BeGreaterThan 0
        $snapshot.Gen0Collections | Should -Not -BeNullOrEmpty
        $snapshot.CacheEntryCount | Should -BeGreaterOrEqual 1
        $snapshot.PoolCount | Should -Be 0
    }

    It 'monitors a real child process, alerts as an engine event, and stops when the process exits' {
        $child = Start-Child
        try {
            $monitor = Start-RevitMemoryMonitor -ProcessId $child.Id -MonitorName kid -IntervalSeconds 0.1 -WarningThresholdMB 0.0001 -PassThru
            $monitor.PSObject.TypeNames[0] | Should -Be 'RevitPerf.MonitorInfo'
            $monitor.ProcessId | Should -Be $child.Id
            $monitor.IsRunning | Should -BeTrue

            $event = Wait-Event -SourceIdentifier RevitPerf.MemoryAlert -Timeout 15
            $event | Should -Not -BeNullOrEmpty
            $event.Sender | Should -Be 'kid'
            $event.SourceArgs[1] | Should -Be 'Raised'
            $event.SourceArgs[0].Severity | Should -Be 'Warning'
            $event | Remove-Event

            $alert = Get-RevitPerformanceAlert -Monitor kid
            $alert.PSObject.TypeNames[0] | Should -Be 'RevitPerf.PerformanceAlert'
            $alert.Kind | Should -Be 'Memory'
            $alert.ProcessId | Should -Be $child.Id

            $snapshots = Get-RevitMemorySnapshot -Monitor kid
            $snapshots.Count | Should -BeGreaterOrEqual 3
            $snapshots[0].Monitor | Should -Be 'kid'
            $snapshots[0].ManagedHeapMB | Should -BeNullOrEmpty
            (Get-RevitMemorySnapshot -Monitor kid -Last 2).Count | Should -Be 2

            $child | Stop-Process -Force
            $child.WaitForExit()
            Wait-Until { -not (Get-RevitMemoryMonitor kid).IsRunning }
            (Get-RevitMemoryMonitor kid).StopReason | Should -BeLike "*($($child.Id)) has exited*"
        }
        finally {
            if (-not $child.HasExited) { $child | Stop-Process -Force }
        }
    }

    It 'acknowledges alerts, and exports snapshots and alerts flat' {
        Start-RevitMemoryMonitor -MonitorName acked -IntervalSeconds 0.1 -WarningThresholdMB 0.0001
        Wait-Until { @(Get-RevitPerformanceAlert -Monitor acked).Count -ge 1 }
        $alert = Get-RevitPerformanceAlert -Monitor acked
        $alert.Acknowledged | Should -BeFalse
        $alert | Confirm-RevitPerformanceAlert -WhatIf
        (Get-RevitPerformanceAlert -Monitor acked).Acknowledged | Should -BeFalse
        ($alert | Confirm-RevitPerformanceAlert -PassThru).Acknowledged | Should -BeTrue
        (Get-RevitPerformanceAlert -Monitor acked).Acknowledged | Should -BeTrue
        $null = Confirm-RevitPerformanceAlert -Id 987654 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'AlertNotFound,*'

        foreach ($rows in @((Get-RevitMemorySnapshot -Monitor acked), (Get-RevitPerformanceAlert -Monitor acked))) {
            $csv = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.csv')
            $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
            foreach ($row in Import-Csv $csv) {
                $row.PSObject.Properties.Value | ForEach-Object { $_ | Should -Not -Match '^(System|RevitPerf)\.' }
            }
        }
    }

    It 'runs -Action on its own monitor''s alerts and unregisters it on stop' {
        $global:RevitPerfAlertSeen = $null
        Start-RevitMemoryMonitor -MonitorName acting -IntervalSeconds 0.1 -WarningThresholdMB 0.0001 -Action { $global:RevitPerfAlertSeen = $Event.SourceArgs[0].Monitor }
        Get-EventSubscriber -SourceIdentifier RevitPerf.MemoryAlert.acting | Should -Not -BeNullOrEmpty
        $null = Wait-Event -SourceIdentifier RevitPerf.MemoryAlert -Timeout 15
        Wait-Until { $global:RevitPerfAlertSeen -eq 'acting' }
        Stop-RevitMemoryMonitor -Name acting
        Get-EventSubscriber -SourceIdentifier RevitPerf.MemoryAlert.acting -ErrorAction Ignore | Should -BeNullOrEmpty
    }

    It 'applies RevitPy''s thresholds to this process when none is given' {
        Set-RevitPerformanceConfig -MemoryCleanupThresholdMB 2000
        $monitor = Start-RevitMemoryMonitor -MonitorName self -IntervalSeconds 60 -PassThru
        $monitor.WarningThresholdMB | Should -Be 1800
        $monitor.CriticalThresholdMB | Should -Be 2000
        $monitor.IsCurrentProcess | Should -BeTrue
        $monitor.IntervalSeconds | Should -Be 60
    }

    It 'takes the interval from metrics_collection_interval_seconds' {
        Set-RevitPerformanceConfig -MetricsCollectionIntervalSeconds 12
        (Start-RevitMemoryMonitor -MonitorName configured -PassThru).IntervalSeconds | Should -Be 12
    }

    It 'refuses a duplicate name, a missing or ambiguous process, and contradicting thresholds' {
        Start-RevitMemoryMonitor -MonitorName twice -IntervalSeconds 60
        $null = Start-RevitMemoryMonitor -MonitorName twice -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MonitorAlreadyExists,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'

        $null = Start-RevitMemoryMonitor -ProcessId ([int]::MaxValue - 7) -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ProcessNotFound,*'
        $null = Start-RevitMemoryMonitor -Name 'no-such-process-revitperf' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ProcessNotFound,*'

        $children = @(Start-Child; Start-Child)
        try {
            $null = Start-RevitMemoryMonitor -Name $children[0].ProcessName -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'ProcessNameAmbiguous,*'
        }
        finally { $children | Stop-Process -Force }

        { Start-RevitMemoryMonitor -MonitorName odd -WarningThresholdMB 10 -CriticalThresholdMB 5 } | Should -Throw -ErrorId 'MonitorInvalidArgument,*'
        { Start-RevitMemoryMonitor -MonitorName fast -IntervalSeconds 0.05 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'starts one monitor per piped process, and nothing for input that does not bind' {
        $children = @(Start-Child; Start-Child)
        try {
            $monitors = @($children | Start-RevitMemoryMonitor -IntervalSeconds 60 -PassThru -ErrorAction SilentlyContinue)
            # Both children share a name, so the second needs its own: one per process, the second refused by name.
            $monitors.Count | Should -Be 1
            Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
            $named = @($children | ForEach-Object { [pscustomobject]@{ Id = $_.Id } } | Start-RevitMemoryMonitor -IntervalSeconds 60 -PassThru -ErrorAction SilentlyContinue -ErrorVariable errors)
            $named.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'MonitorAlreadyExists,*'
            Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
            $children | ForEach-Object -Begin { $i = 0 } -Process { Start-RevitMemoryMonitor -ProcessId $_.Id -MonitorName "child$i" -IntervalSeconds 60; $i++ }
            @(Get-RevitMemoryMonitor child*).ProcessId | Sort-Object | Should -Be ($children.Id | Sort-Object)
        }
        finally { $children | Stop-Process -Force }

        Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
        $null = 'x' | Start-RevitMemoryMonitor -MonitorName m -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotBound,*'
        Get-RevitMemoryMonitor | Should -BeNullOrEmpty
    }

    It 'reports process id <_> as ProcessNotFound and starts nothing' -ForEach 0, -1 {
        $null = Start-RevitMemoryMonitor -ProcessId $_ -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ProcessNotFound,*'
        $errors[0].TargetObject | Should -Be $_
        Get-RevitMemoryMonitor | Should -BeNullOrEmpty
        $null = Get-RevitMemorySnapshot -ProcessId $_ -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ProcessNotFound,*'
    }

    It 'stops monitors by name with wildcards, -WhatIf, -PassThru, and reports an unknown one' {
        Start-RevitMemoryMonitor -MonitorName one -IntervalSeconds 60
        Start-RevitMemoryMonitor -MonitorName two -IntervalSeconds 60
        Stop-RevitMemoryMonitor -Name one -WhatIf
        (Get-RevitMemoryMonitor).Name | Should -Be @('one', 'two')
        $stopped = Stop-RevitMemoryMonitor -Name * -PassThru
        $stopped.Name | Should -Be @('one', 'two')
        $stopped | ForEach-Object { $_.IsRunning | Should -BeFalse }
        Get-RevitMemoryMonitor | Should -BeNullOrEmpty
        $null = Stop-RevitMemoryMonitor -Name gone -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MonitorNotFound,*'
    }

    It 'reports on a monitor''s history, and says when it is too short' {
        Start-RevitMemoryMonitor -MonitorName history -IntervalSeconds 0.1 -WarningThresholdMB 1000000
        Wait-Until { (Get-RevitMemoryMonitor history).SnapshotsTaken -ge 4 }
        $report = Get-RevitMemoryReport -Monitor history
        $report.PSObject.TypeNames[0] | Should -Be 'RevitPerf.MemoryReport'
        $report.Samples | Should -BeGreaterOrEqual 4
        $report.Trend | Should -BeIn @('Rising', 'Stable', 'Falling')
        $report.PeakWorkingSetMB | Should -BeGreaterThan 0

        Start-RevitMemoryMonitor -MonitorName young -IntervalSeconds 3600
        Wait-Until { (Get-RevitMemoryMonitor young).SnapshotsTaken -ge 1 }
        $null = Get-RevitMemoryReport -Monitor young -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MonitorHistoryTooShort,*'
    }

    It 'completes monitor names' {
        Start-RevitMemoryMonitor -MonitorName completed -IntervalSeconds 60
        $completion = TabExpansion2 -inputScript 'Stop-RevitMemoryMonitor -Name comp' -cursorColumn 'Stop-RevitMemoryMonitor -Name comp'.Length
        $completion.CompletionMatches.CompletionText | Should -Be @('completed')
    }

    It 'stops every monitor when the module is removed' {
        $result = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-RevitPerfModulePath)'
Start-RevitMemoryMonitor -MonitorName a -IntervalSeconds 0.1
`$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'RevitPerf.Core' }
`$monitors = `$core.GetType('RevitPerf.Core.RevitPerfOptimizer')::Current.Monitors
`$monitor = `$monitors.All[0]
Remove-Module RevitPerf
'running=' + `$monitor.IsRunning
"@
        $result.Text | Should -Match 'running=False'
    }
}

Describe 'Optimize-RevitMemory' {
    BeforeEach { Reset-RevitPerformanceConfig -Confirm:$false }

    It 'removes expired cache entries and collects only above the threshold unless forced' {
        Set-RevitCacheEntry -Key short -Value 1 -TtlSeconds 0.05
        Start-Sleep -Milliseconds 100
        Set-RevitPerformanceConfig -MemoryCleanupThresholdMB 1000000
        $result = Optimize-RevitMemory
        $result.PSObject.TypeNames[0] | Should -Be 'RevitPerf.OptimizationResult'
        $result.ExpiredEntriesRemoved | Should -BeGreaterOrEqual 1
        $result.Collected | Should -BeFalse
        $result.Reason | Should -BeLike '*below memory_cleanup_threshold_mb*'
        (Optimize-RevitMemory -Force).Collected | Should -BeTrue
        $aggressive = Optimize-RevitMemory -Aggressive
        $aggressive.Collected | Should -BeTrue
        $aggressive.CompactedLargeObjectHeap | Should -BeTrue
    }

    It 'collects when the managed heap is above memory_cleanup_threshold_mb' {
        Set-RevitPerformanceConfig -MemoryCleanupThresholdMB 1
        $result = Optimize-RevitMemory -Confirm:$false
        $result.Collected | Should -BeTrue
        $result.Reason | Should -BeLike '*above memory_cleanup_threshold_mb*'
    }

    It 'does nothing with -WhatIf' {
        Optimize-RevitMemory -Force -WhatIf | Should -BeNullOrEmpty
    }
}
