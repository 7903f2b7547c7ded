BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Get-RevitCacheStatistics and Reset-RevitCacheStatistics' {
    BeforeEach {
        Get-RevitCache | Where-Object { -not $_.IsDefault } | Remove-RevitCache -Confirm:$false
        Clear-RevitCache -Confirm:$false
        Reset-RevitCacheStatistics
    }

    It 'counts hits and misses exactly' {
        Set-RevitCacheEntry -Key 'a' -Value 1
        1..3 | ForEach-Object { Invoke-RevitCachedOperation -Key 'a' { 0 } } | Out-Null
        Invoke-RevitCachedOperation -Key 'b' { 0 } | Out-Null
        $stats = Get-RevitCacheStatistics Default
        $stats.Hits | Should -Be 3
        $stats.Misses | Should -Be 1
        $stats.HitRatio | Should -Be 0.75
        $stats.HitRatePercent | Should -Be 75
        $stats.Count | Should -Be 2
        $stats.MemoryBytes | Should -Be (64 + 64 + 64 + 'a'.Length + 'b'.Length) # keys count against the budget too
    }

    It 'returns one flat row per cache, the same shape every time' {
        New-RevitCache -Name 'Second' -Policy LFU | Out-Null
        $rows = Get-RevitCacheStatistics
        $rows.Name | Should -Be @('Default', 'Second')
        $rows[1].Policy | Should -Be 'LFU'
        $rows[0].PSObject.Properties.Name | Should -Be $rows[1].PSObject.Properties.Name
        $rows[0].PSObject.Properties.Name[0] | Should -Be 'Name'
        foreach ($property in $rows[0].PSObject.Properties) {
            $property.TypeNameOfValue | Should -BeIn @('System.String', 'System.Int64', 'System.Int32', 'System.Double', 'System.DateTime')
        }
    }

    It 'exports cleanly through Export-Csv' {
        $csv = Join-Path $TestDrive 'stats.csv'
        Get-RevitCacheStatistics | Export-Csv $csv -NoTypeInformation
        $text = Get-Content -Raw $csv
        $text | Should -Not -Match 'RevitPerf\.Core|System\.'
        (Import-Csv $csv).Name | Should -Be 'Default'
    }

    It 'shows a table by default' {
        $text = Get-RevitCacheStatistics | Out-String
        $text | Should -Match 'Name\s+Policy\s+Count\s+MaxSize\s+Hits\s+Misses\s+HitRate%'
    }

    It 'counts evictions by reason' {
        New-RevitCache -Name 'Two' -MaxSize 2 | Out-Null
        1..3 | ForEach-Object { Set-RevitCacheEntry -Key "k$_" -Value $_ -CacheName Two }
        Remove-RevitCacheEntry -Key 'k3' -CacheName Two
        $stats = Get-RevitCacheStatistics Two
        $stats.CapacityEvictions | Should -Be 1
        $stats.RemovedEntries | Should -Be 1
        $stats.Evictions | Should -Be 2
    }

    It 'resets the counters, keeping the entries' {
        Invoke-RevitCachedOperation -Key 'a' { 1 } | Out-Null
        $after = Reset-RevitCacheStatistics -Name Default -PassThru
        $after.Hits + $after.Misses | Should -Be 0
        $after.Count | Should -Be 1
        Reset-RevitCacheStatistics -WhatIf
    }

    It 'reports an unknown cache' {
        $err = $null
        Get-RevitCacheStatistics 'Nope' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CacheNotFound,*'
    }
}
