# How every cmdlet that selects live objects (caches, monitors) takes names, wildcards and the objects cmdlets return.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Selecting live objects' {
    BeforeEach {
        Get-RevitCache | Where-Object { -not $_.IsDefault } | Remove-RevitCache -Confirm:$false
        Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
    }

    AfterAll {
        Get-RevitMemoryMonitor | Stop-RevitMemoryMonitor -Confirm:$false
    }

    It 'takes back a monitor a cmdlet returned, by parameter as well as by pipeline' {
        $m = Start-RevitMemoryMonitor -MonitorName 'Self[1]' -IntervalSeconds 60 -PassThru
        @(Get-RevitMemorySnapshot -Monitor $m).Count | Should -BeGreaterOrEqual 0
        (Get-RevitMemoryMonitor -Name $m).Name | Should -Be 'Self[1]'
        Stop-RevitMemoryMonitor -Name $m -Confirm:$false -PassThru | ForEach-Object Name | Should -Be 'Self[1]'
        Get-RevitMemoryMonitor | Should -BeNullOrEmpty
    }

    It 'takes back a cache, its description or its statistics for -Name and -CacheName' {
        $info = New-RevitCache -Name 'Geo*metry' -MaxSize 10
        Set-RevitCacheEntry -CacheName $info -Key k -Value 1
        (Get-RevitCacheEntry -CacheName $info).Key | Should -Be 'k'
        (Get-RevitCache -Name $info).Name | Should -Be 'Geo*metry'
        $statistics = Get-RevitCacheStatistics -Name $info
        $statistics.Name | Should -Be 'Geo*metry'
        (Get-RevitCache -Name $statistics).Name | Should -Be 'Geo*metry'
        Invoke-RevitCachedOperation -CacheName $info -Key x { 42 } | Should -Be 42
    }

    It 'takes a returned object literally, never as a wildcard' {
        $null = New-RevitCache -Name 'a*'
        $null = New-RevitCache -Name 'ab'
        $info = Get-RevitCache -Name 'a`*'
        @(Get-RevitCache -Name $info).Name | Should -Be @('a*')
    }

    It 'reports a wildcard that cannot be matched with a stable id and the pattern as target, and goes on' -ForEach @(
        @{ Command = 'Get-RevitCache'; Names = '[z-a]', 'Default'; Expected = 1 }
        @{ Command = 'Get-RevitMemoryMonitor'; Names = '[z-a]'; Expected = 0 }
        @{ Command = 'Get-RevitCacheStatistics'; Names = '[z-a]', 'Default'; Expected = 1 }
    ) {
        $output = & $Command -Name $Names -ErrorAction SilentlyContinue -ErrorVariable errors
        @($output).Count | Should -Be $Expected
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -Be '[z-a]'
    }
}

Describe 'The cmdlet assembly' {
    It 'loads every public type without RevitPerf.Core (PowerShell loads them before the resolver is installed)' {
        $dll = Join-Path (Split-Path (Get-RevitPerfModulePath)) 'RevitPerf.PowerShell.dll'
        $result = Invoke-FreshPwsh -Script @"
`$asm = [Reflection.Assembly]::LoadFrom('$dll')
try { `$types = `$asm.GetExportedTypes(); 'exported=' + `$types.Count }
catch { 'failed=' + `$_.Exception.InnerException.Message }
"@
        $result.Text | Should -Match 'exported=\d+'
    }
}

Describe 'The settings help' {
    It 'agrees with the one declaration of every setting (run build/Update-SettingDocs.ps1 after changing one)' {
        $script = Join-Path $PSScriptRoot '../../build/Update-SettingDocs.ps1'
        & $script -Check -ModulePath (Get-RevitPerfModulePath) | Should -BeNullOrEmpty
    }
}
