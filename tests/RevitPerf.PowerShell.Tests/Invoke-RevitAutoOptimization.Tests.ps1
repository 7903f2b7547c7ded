BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

AfterAll {
    Get-RevitObjectPool | Remove-RevitObjectPool -Confirm:$false
    Reset-RevitPerformanceConfig -Confirm:$false
}

Describe 'Invoke-RevitAutoOptimization' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Set-RevitPerformanceConfig -CacheMaxSize 100
        Clear-RevitCache -Confirm:$false
        Reset-RevitCacheStatistics -Confirm:$false
        Get-RevitObjectPool | Remove-RevitObjectPool -Confirm:$false
    }

    It 'returns one flat row per rule, and an idle cache does not grow however often it runs' {
        $rows = Invoke-RevitAutoOptimization
        $rows[0].PSTypeNames[0] | Should -Be 'RevitPerf.TuningDecision'
        $rows.Rule | Should -Be @('CacheGrowth', 'MemoryCleanup', 'GcLatencyMode')
        1..3 | ForEach-Object { $null = Invoke-RevitAutoOptimization }
        (Invoke-RevitAutoOptimization | Where-Object Rule -eq CacheGrowth).Applied | Should -BeFalse
        (Get-RevitCache -Name Default).MaxSize | Should -Be 100
        $csv = Join-Path $TestDrive 'tuning.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv $csv)[0].PSObject.Properties.Name | Should -Be @('Rule', 'Target', 'Observed', 'Threshold', 'Action', 'Applied', 'Reason')
    }

    It 'grows a cache that misses over enough reads, and -WhatIf only says so' {
        1..150 | ForEach-Object { $null = Invoke-RevitCachedOperation -Key "miss:$_" { 1 } }
        $preview = Invoke-RevitAutoOptimization -WhatIf | Where-Object Rule -eq CacheGrowth
        $preview.Action | Should -Be 'grow from 100 to 200 entries'
        $preview.Applied | Should -BeFalse
        (Get-RevitCache -Name Default).MaxSize | Should -Be 100

        $growth = Invoke-RevitAutoOptimization | Where-Object Rule -eq CacheGrowth
        $growth.Applied | Should -BeTrue
        $growth.Observed | Should -Be 0
        (Get-RevitCache -Name Default).MaxSize | Should -Be 200
    }

    It 'grows a pool that runs dry too often, one row per pool' {
        New-RevitObjectPool -Name Short -Factory { [object]::new() } -MaxSize 1 | Out-Null
        $pool = $null
        (Get-RevitPerfCoreType 'RevitPerf.Core.RevitPerfOptimizer')::Current.Pools.TryGet('Short', [ref]$pool) | Out-Null
        foreach ($round in 1..60) {
            $a = $pool.BorrowObject($null); $b = $pool.BorrowObject($null)
            $null = $pool.ReturnObject($a, [ref]$null); $null = $pool.ReturnObject($b, [ref]$null)
        }
        $row = Invoke-RevitAutoOptimization | Where-Object { $_.Rule -eq 'PoolGrowth' -and $_.Target -eq 'Short' }
        $row.Applied | Should -BeTrue
        $row.Threshold | Should -Be 0.8
        (Get-RevitObjectPool Short).MaxSize | Should -Be 2
    }

    It 'says why the memory cleanup and GC rules do nothing when gc_optimization_enabled is off' {
        Set-RevitPerformanceConfig -GcOptimizationEnabled $false -MemoryCleanupThresholdMB 1
        $rows = Invoke-RevitAutoOptimization
        ($rows | Where-Object Rule -eq MemoryCleanup).Reason | Should -Match 'gc_optimization_enabled is off'
        ($rows | Where-Object Rule -eq MemoryCleanup).Applied | Should -BeFalse
        ($rows | Where-Object Rule -eq GcLatencyMode).Action | Should -Be 'none'
    }

    It 'runs the memory cleanup above the threshold' {
        Set-RevitPerformanceConfig -MemoryCleanupThresholdMB 1
        $row = Invoke-RevitAutoOptimization | Where-Object Rule -eq MemoryCleanup
        $row.Observed | Should -BeGreaterThan 1
        $row.Threshold | Should -Be 1
        $row.Applied | Should -BeTrue
    }
}
