BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    Reset-RevitPerformanceConfig -Confirm:$false
}

AfterAll {
    Reset-RevitPerformanceConfig -Confirm:$false
}

Describe 'Invoke-RevitBatch' {
    Context 'One after another, in this session' {
        It 'runs the block for every item, which it gets as its first argument and as $_, in input order' {
            1..5 | Invoke-RevitBatch { param($item) "$item/$_" } | Should -Be @('1/1', '2/2', '3/3', '4/4', '5/5')
        }

        It 'passes -ArgumentList after the item and sees the caller''s variables and functions' {
            $offset = 100
            function Add-Offset($n) { $n + $offset }
            1..3 | Invoke-RevitBatch { param($item, $times) (Add-Offset $item) * $times } -ArgumentList 2 | Should -Be @(202, 204, 206)
        }

        It 'runs on the caller''s thread, as the Revit API requires' {
            $thread = [Environment]::CurrentManagedThreadId
            1..3 | Invoke-RevitBatch { [Environment]::CurrentManagedThreadId } | Should -Be @($thread, $thread, $thread)
        }

        It 'writes a failing item''s error with the item as its target, and the other items go on' {
            $out = 1..4 | Invoke-RevitBatch { if ($_ -eq 2) { throw "wall $_ is locked" }; $_ } -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -Be @(1, 3, 4)
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BatchItemFailed,*'
            $errors[0].TargetObject | Should -Be 2
            $errors[0].Exception.Message | Should -Match 'wall 2 is locked'
        }

        It 'passes the block''s warnings and non-terminating errors through' {
            $out = 1..2 | Invoke-RevitBatch { Write-Warning "w$_"; Write-Error "e$_" -ErrorAction Continue; $_ } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -Be @(1, 2)
            "$warnings" | Should -Be 'w1 w2'
            $errors | Should -HaveCount 2
        }

        It 'gives each item a scope of its own' {
            $count = 0
            1..3 | Invoke-RevitBatch { $count++; $count } | Should -Be @(1, 1, 1)
            $count | Should -Be 0
        }

        It 'stops an item at -TimeoutSeconds and tries a failing item again with -RetryCount' {
            $out = 1..2 | Invoke-RevitBatch -TimeoutSeconds 0.5 { if ($_ -eq 2) { Start-Sleep -Seconds 60 }; $_ } -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BatchItemTimedOut,*'
            $errors[0].TargetObject | Should -Be 2
            $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'

            $global:RevitPerfBatchTries = 0
            try {
                $rows = 'flaky' | Invoke-RevitBatch -RetryCount 2 -PassThru { $global:RevitPerfBatchTries++; if ($global:RevitPerfBatchTries -lt 3) { throw 'not yet' }; 'done' }
                $rows.Success | Should -BeTrue
                $rows.Attempts | Should -Be 3
            }
            finally { Remove-Variable RevitPerfBatchTries -Scope Global }
        }

        It 'writes one flat row per item with -PassThru instead of the output' {
            $rows = 1..3 | Invoke-RevitBatch -PassThru { if ($_ -eq 3) { throw 'no' }; 'value' } -ErrorAction SilentlyContinue
            $rows | Should -HaveCount 3
            $rows[0].PSTypeNames[0] | Should -Be 'RevitPerf.BatchItemResult'
            $rows.Index | Should -Be @(0, 1, 2)
            $rows.Success | Should -Be @($true, $true, $false)
            $rows[2].Status | Should -Be 'Failed'
            $rows[2].Error | Should -Be 'no'
            $rows[0].DurationMs | Should -BeGreaterOrEqual 0
            $csv = Join-Path $TestDrive 'batch.csv'
            $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
            (Import-Csv $csv)[0].PSObject.Properties.Name | Should -Be @('Index', 'Success', 'Status', 'DurationMs', 'Attempts', 'Batch', 'Worker', 'Error')
        }

        It 'runs in batches of -BatchSize, by default batch_size_default' {
            (1..7 | Invoke-RevitBatch -BatchSize 3 -PassThru { }).Batch | Should -Be @(0, 0, 0, 1, 1, 1, 2)
            Set-RevitPerformanceConfig -BatchSizeDefault 2
            try { (1..3 | Invoke-RevitBatch -PassThru { }).Batch | Should -Be @(0, 0, 1) }
            finally { Reset-RevitPerformanceConfig -Confirm:$false }
        }

        It 'does nothing without input' {
            @() | Invoke-RevitBatch { 'never' } | Should -BeNullOrEmpty
        }
    }

    Context 'In parallel' {
        It 'runs items at once on other threads and writes their output in input order, or as they complete with -Unordered' {
            $threads = 1..6 | Invoke-RevitBatch -Parallel -ThrottleLimit 3 { [Environment]::CurrentManagedThreadId }
            $threads | Should -Not -Contain ([Environment]::CurrentManagedThreadId)
            1..6 | Invoke-RevitBatch -Parallel -ThrottleLimit 3 { Start-Sleep -Milliseconds (120 - 20 * $_); $_ } | Should -Be @(1, 2, 3, 4, 5, 6)
            (1..6 | Invoke-RevitBatch -Parallel -ThrottleLimit 3 -Unordered { $_ }) | Sort-Object | Should -Be @(1, 2, 3, 4, 5, 6)
        }

        It 'reads $using: variables from the caller, as ForEach-Object -Parallel does' {
            $factor = 10
            $names = @{ a = 'Wall' }
            1..3 | Invoke-RevitBatch -Parallel { $_ * $using:factor } | Should -Be @(10, 20, 30)
            'a' | Invoke-RevitBatch -Parallel { $n = $using:names; $n[$_] } | Should -Be 'Wall'
            1..2 | Invoke-RevitBatch { $_ * $using:factor } | Should -Be @(10, 20) -Because '$using: works without -Parallel too'
            $err = { 1 | Invoke-RevitBatch -Parallel { $using:notSetAnywhere } } | Should -Throw -ErrorId 'BatchUsingVariableNotSet,*' -PassThru
            $err.Exception.Message | Should -Match 'notSetAnywhere'
        }

        It 'defines functions and imports modules once per runspace, not once per item' {
            function Get-Twice($n) { 2 * $n }
            $module = Join-Path $TestDrive 'Counter.psm1'
            Set-Content -LiteralPath $module -Value '$script:imports = 0; $script:imports++; function Get-Imports { $script:imports }'
            $out = 1..8 | Invoke-RevitBatch -Parallel -ThrottleLimit 2 -ImportFunction Get-Twice -ImportModule $module { "$(Get-Twice $_):$(Get-Imports)" }
            $out | ForEach-Object { ($_ -split ':')[0] } | Should -Be @(2, 4, 6, 8, 10, 12, 14, 16)
            $out | ForEach-Object { ($_ -split ':')[1] } | Sort-Object -Unique | Should -Be '1'
        }

        It 'reports an unknown function or a module that cannot be imported before running anything' {
            { 1 | Invoke-RevitBatch -Parallel -ImportFunction No-SuchFunction { } } | Should -Throw -ErrorId 'BatchFunctionNotFound,*'
            { 1 | Invoke-RevitBatch -Parallel -ImportModule (Join-Path $TestDrive 'missing.psm1') { } } | Should -Throw -ErrorId 'BatchRunspaceFailed,*'
        }

        It 'writes a failing item''s error with the item as target, its records, and goes on' {
            $out = 1..4 | Invoke-RevitBatch -Parallel { Write-Warning "w$_"; if ($_ -eq 3) { throw 'bad' }; $_ } -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            $out | Should -Be @(1, 2, 4)
            $errors | Should -HaveCount 1
            $errors[0].TargetObject | Should -Be 3
            $warnings | Should -HaveCount 4
        }

        It 'finishes waiting items in about their total wait divided by the throttle limit' {
            $rows = 1..8 | Invoke-RevitBatch -Parallel -ThrottleLimit 4 -PassThru { Start-Sleep -Milliseconds 200 }
            ($rows.Worker | Sort-Object -Unique) | Should -Be @(0, 1, 2, 3)
            $rows.Success | Should -Not -Contain $false
        }

        It 'stops a timed-out item''s pipeline' {
            $out = 1..2 | Invoke-RevitBatch -Parallel -TimeoutSeconds 0.5 { if ($_ -eq 2) { Start-Sleep -Seconds 60 }; $_ } -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BatchItemTimedOut,*'
        }
    }

    Context 'Stopped from another thread' {
        It 'stops promptly and keeps what finished, <Mode>' -ForEach @(@{ Mode = 'sequential'; Parallel = $false }, @{ Mode = 'in parallel'; Parallel = $true }) {
            $marker = Join-Path $TestDrive "batch-stop-$Mode.txt"
            $shell = [powershell]::Create()
            $parallel = if ($Parallel) { '-Parallel -ThrottleLimit 2' } else { '' }
            $null = $shell.AddScript("Import-Module '$(Get-RevitPerfModulePath)'; 1..1000 | Invoke-RevitBatch $parallel { if (`$_ -eq 3) { Set-Content '$marker' started }; if (`$_ -ge 3) { Start-Sleep -Seconds 60 }; `$_ }")
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while (-not (Test-Path $marker) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                Test-Path $marker | Should -BeTrue
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
                @($output) | Should -Be @(1, 2)
            }
            finally { $shell.Dispose() }
        }
    }
}
