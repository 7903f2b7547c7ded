BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    $script:manifestPath = Get-RevitPerfModulePath
    $script:manifest = Import-PowerShellDataFile $manifestPath
}

Describe 'The module manifest' {
    It 'has the cmdlet assembly as its root module and declares both editions from 5.1' {
        $manifest.RootModule | Should -Be 'RevitPerf.PowerShell.dll'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.FormatsToProcess | Should -Be @('RevitPerf.Format.ps1xml')
    }

    It 'exports exactly the cmdlets it lists, and no functions, aliases or variables' {
        $manifest.FunctionsToExport | Should -BeNullOrEmpty
        $manifest.AliasesToExport | Should -BeNullOrEmpty
        $manifest.VariablesToExport | Should -BeNullOrEmpty
        $exported = (Get-Module RevitPerf).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $assemblyCmdlets = (Get-Module RevitPerf).ImplementingAssembly.GetTypes() |
            Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
            Sort-Object
        $assemblyCmdlets | Should -Be $exported
    }

    It 'carries the version of Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props'))
        $version = @($props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ })[0]
        $manifest.ModuleVersion | Should -Be $version
        (Get-Module RevitPerf).Version.ToString() | Should -Be $version
    }

    It 'ships its files in the documented layout' {
        $root = Split-Path $manifestPath
        foreach ($file in 'RevitPerf.PowerShell.dll', 'Dependencies/RevitPerf.Core.dll', 'Dependencies/YamlDotNet.dll',
            'RevitPerf.Format.ps1xml', 'en-US/RevitPerf.PowerShell.dll-Help.xml', 'en-US/about_RevitPerf.help.txt') {
            Join-Path $root $file | Should -Exist
        }
        Join-Path $root 'YamlDotNet.dll' | Should -Not -Exist
        # DiagnosticSource ships for Windows PowerShell only; PowerShell 7 must bind the runtime's copy.
        Join-Path $root 'Dependencies/Desktop/System.Diagnostics.DiagnosticSource.dll' | Should -Exist
        Join-Path $root 'Dependencies/System.Diagnostics.DiagnosticSource.dll' | Should -Not -Exist
    }

    It 'binds the runtime''s System.Diagnostics.DiagnosticSource, so that dotnet-counters sees the RevitPerf meter' {
        $meterType = (Get-RevitPerformanceMetrics -Summary).GetType().Assembly.GetType('RevitPerf.Core.Metrics.RevitPerfMeter')
        $meter = $meterType::Meter
        $meter.Name | Should -Be 'RevitPerf'
        $meter.GetType().Assembly.Location | Should -Be ([System.Diagnostics.Metrics.Meter].Assembly.Location)
    }
}

Describe 'Cmdlet conventions' {
    BeforeDiscovery {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-RevitPerfUnderTest
        $script:cmdlets = (Get-Module RevitPerf).ExportedCmdlets.Values | ForEach-Object { @{ Name = $_.Name; Command = $_ } }
    }

    It '<Name> declares its output type and uses an approved verb' -ForEach $cmdlets {
        $Command.OutputType | Should -Not -BeNullOrEmpty
        (Get-Verb).Verb | Should -Contain $Command.Verb
        $Command.ImplementingType.IsSealed | Should -BeTrue
        $Command.ImplementingType.Name | Should -Be ($Command.Verb + $Command.Noun + 'Command')
    }

    It '<Name> supports -WhatIf and -Confirm when it changes state' -ForEach ($cmdlets | Where-Object { $_.Name -match '^(Set|Import|Export|Reset)-' }) {
        $Command.Parameters.Keys | Should -Contain 'WhatIf'
        $Command.Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'YamlDotNet isolation' {
    It 'reads a YAML configuration after another YamlDotNet version was loaded into the session' {
        $other = $env:REVITPERF_OTHER_YAMLDOTNET
        if (-not $other) { $other = Join-Path (& dotnet nuget locals global-packages --list).Split(' ', 2)[1].Trim() 'yamldotnet/13.7.1/lib/netstandard2.0/YamlDotNet.dll' }
        $other | Should -Exist
        $config = New-TestYaml "optimization:`n  cache_max_size: 4321`n"
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Add-Type -LiteralPath '$other'
`$first = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' }
Import-Module '$(Get-RevitPerfModulePath)'
Import-RevitPerformanceConfig -LiteralPath '$config'
`$yaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { `$_.GetName().Version.Major }
'size=' + (Get-RevitPerformanceConfig -Section Optimization).CacheMaxSize
'first=' + `$first.GetName().Version.Major
'loaded=' + ((`$yaml | Sort-Object) -join ',')
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'size=4321'
        $result.Output | Should -Contain 'first=13'
        $result.Output | Should -Contain 'loaded=13,16'
    }
}

Describe 'Dependency resolution' {
    It 'does not hand its YamlDotNet to code outside the module' {
        $result = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-RevitPerfModulePath)'
Get-RevitPerformanceConfig | Out-Null
try { [System.Reflection.Assembly]::Load('YamlDotNet, Version=16.0.0.0, Culture=neutral, PublicKeyToken=ec19458f3c15af5e') | Out-Null; 'loaded' }
catch { 'not found' }
"@
        $result.Output | Should -Contain 'not found'
    }
}

Describe 'REVITPERF_CONFIG at import' {
    It 'loads the file the variable names' {
        $file = New-TestYaml "benchmark:`n  max_workers: 3`n"
        $result = Invoke-FreshPwsh -Environment @{ REVITPERF_CONFIG = $file } -Script @"
Import-Module '$(Get-RevitPerfModulePath)'
`$c = Get-RevitPerformanceConfig
'workers=' + `$c.Benchmark.MaxWorkers
'source=' + `$c.Source
"@
        $result.Output | Should -Contain 'workers=3'
        $result.Output | Should -Contain "source=$file"
        $result.Text | Should -Not -Match 'WARNING'
    }

    It 'warns with the problem, keeps the defaults, and still imports when the file is bad' {
        $file = New-TestYaml "benchmark:`n  max_wrokers: 3`n"
        $result = Invoke-FreshPwsh -Environment @{ REVITPERF_CONFIG = $file } -Script @"
Import-Module '$(Get-RevitPerfModulePath)'
'workers=' + (Get-RevitPerformanceConfig).Benchmark.MaxWorkers
'source=' + (Get-RevitPerformanceConfig).Source
"@
        $result.ExitCode | Should -Be 0
        $result.Text | Should -Match 'WARNING: RevitPerf: the configuration file named by \$REVITPERF_CONFIG was not loaded'
        $result.Text | Should -Match ([regex]::Escape("${file}:2:3: unknown key 'max_wrokers'"))
        $result.Text | Should -Match "Did you mean 'max_workers'"
        $result.Output | Should -Contain 'workers=4'
        $result.Output | Should -Contain 'source=Defaults'
    }

    It 'warns and still imports when the file nests fifty thousand levels deep' {
        $file = Join-Path $TestDrive 'deep.yaml'
        [IO.File]::WriteAllText($file, "optimization:`n  cache_max_size: " + ('[' * 50000) + (']' * 50000) + "`n")
        $result = Invoke-FreshPwsh -Environment @{ REVITPERF_CONFIG = $file } -Script @"
Import-Module '$(Get-RevitPerfModulePath)'
'size=' + (Get-RevitPerformanceConfig).Optimization.CacheMaxSize
"@
        $result.ExitCode | Should -Be 0
        $result.Text | Should -Match 'nests deeper than 64 levels'
        $result.Output | Should -Contain 'size=10000'
    }

    It 'warns when the file does not exist' {
        $result = Invoke-FreshPwsh -Environment @{ REVITPERF_CONFIG = (Join-Path $TestDrive 'missing.yaml') } -Script @"
Import-Module '$(Get-RevitPerfModulePath)'
'source=' + (Get-RevitPerformanceConfig).Source
"@
        $result.Text | Should -Match 'could not be read; the defaults stay'
        $result.Output | Should -Contain 'source=Defaults'
    }
}

Describe 'Remove-Module' {
    It 'disposes the process-wide optimizer and stops its background work; a re-import starts clean' {
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-RevitPerfModulePath)'
Set-RevitPerformanceConfig -PoolCleanupIntervalSeconds 0.01 -CacheMaxSize 5
`$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'RevitPerf.Core' }
`$optimizer = `$core.GetType('RevitPerf.Core.RevitPerfOptimizer')::Current
`$job = `$optimizer.Scheduler.Jobs[0]
`$deadline = [DateTime]::UtcNow.AddSeconds(30)
while (`$optimizer.Optimizations -lt 2 -and [DateTime]::UtcNow -lt `$deadline) { [System.Threading.Thread]::Yield() | Out-Null }
`$watch = [Diagnostics.Stopwatch]::StartNew()
Remove-Module RevitPerf
`$removeMs = `$watch.Elapsed.TotalMilliseconds
`$runs = `$optimizer.Optimizations
'disposed=' + `$optimizer.IsDisposed
'stopped=' + `$job.IsStopped
'jobs=' + `$optimizer.Scheduler.Jobs.Count
'created=' + `$core.GetType('RevitPerf.Core.RevitPerfOptimizer')::IsCurrentCreated
Start-Sleep -Milliseconds 200
'runsAfter=' + (`$optimizer.Optimizations - `$runs)
'removeMs=' + [int]`$removeMs
Import-Module '$(Get-RevitPerfModulePath)'
'size=' + (Get-RevitPerformanceConfig).Optimization.CacheMaxSize
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'disposed=True'
        $result.Output | Should -Contain 'stopped=True'
        $result.Output | Should -Contain 'jobs=0'
        $result.Output | Should -Contain 'created=False'
        $result.Output | Should -Contain 'runsAfter=0'
        $result.Output | Should -Contain 'size=10000'
        Write-Host ($result.Output | Where-Object { $_ -like 'removeMs=*' })
    }
}

Describe 'The module across runspaces and re-imports' {
    It 'keeps working in a runspace that imported it after another runspace removed it' {
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
`$module = '$(Get-RevitPerfModulePath)'
`$b = [powershell]::Create()
`$null = `$b.AddScript("Import-Module '`$module'").Invoke()
Import-Module `$module
Remove-Module RevitPerf
`$null = `$b.Commands.Clear()
`$null = `$b.AddScript('New-RevitCache -Name B | Out-Null; Set-RevitCacheEntry -CacheName B -Key k -Value 1; (Get-RevitCacheEntry -CacheName B).Value; (Invoke-RevitBenchmark -Name e -ScriptBlock {} -Iterations 3 -WarmupIterations 0 -Rounds 1).Iterations; (Start-RevitMemoryMonitor -MonitorName b -IntervalSeconds 60 -PassThru).Name; Stop-RevitMemoryMonitor b -Confirm:`$false')
`$output = `$b.Invoke()
'errors=' + `$b.Streams.Error.Count
'output=' + (`$output -join ',')
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'errors=0'
        $result.Output | Should -Contain 'output=1,3,b'
    }

    It 'keeps the configuration, caches and monitors across Import-Module -Force' {
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-RevitPerfModulePath)'
Set-RevitPerformanceConfig -CacheMaxSize 5
New-RevitCache -Name Kept | Out-Null
Set-RevitCacheEntry -CacheName Kept -Key k -Value 42
`$null = Start-RevitMemoryMonitor -MonitorName kept -IntervalSeconds 60
Import-Module '$(Get-RevitPerfModulePath)' -Force
'size=' + (Get-RevitPerformanceConfig).Optimization.CacheMaxSize
'entry=' + (Get-RevitCacheEntry -CacheName Kept -Key k).Value
'monitor=' + (Get-RevitMemoryMonitor kept).IsRunning
Remove-Module RevitPerf
Import-Module '$(Get-RevitPerfModulePath)'
'fresh=' + (Get-RevitPerformanceConfig).Optimization.CacheMaxSize + ',' + @(Get-RevitMemoryMonitor).Count
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'size=5'
        $result.Output | Should -Contain 'entry=42'
        $result.Output | Should -Contain 'monitor=True'
        $result.Output | Should -Contain 'fresh=10000,0'
    }

    It 'registers the Pester operator when Pester comes after RevitPerf, without a re-import' {
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-RevitPerfModulePath)'
Import-Module '$env:REVITPERF_PESTER'
`$null = Get-RevitPerformanceConfig
'operator=' + ((Get-ShouldOperator).Name -contains 'MeetRevitPerformanceTarget')
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'operator=True'
    }

    It 'leaves no alert subscription or job behind when a monitor stops, from any runspace, or the module goes' {
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
`$module = '$(Get-RevitPerfModulePath)'
Import-Module `$module
`$null = Start-RevitMemoryMonitor -MonitorName m -IntervalSeconds 60 -Action { 'old' }
'started=' + @(Get-EventSubscriber).Count + ',' + @(Get-Job).Count
Remove-Module RevitPerf
'removed=' + @(Get-EventSubscriber).Count
Import-Module `$module
`$null = Start-RevitMemoryMonitor -MonitorName m -IntervalSeconds 60 -Action { 'new' }
'again=' + @(Get-EventSubscriber).Count
`$other = [powershell]::Create()
`$null = `$other.AddScript("Import-Module '`$module'; Stop-RevitMemoryMonitor m -Confirm:```$false").Invoke()
'stoppedElsewhere=' + @(Get-EventSubscriber).Count + ',' + @(Get-Job).Count
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'started=1,1' # the action's job
        $result.Output | Should -Contain 'removed=0'
        $result.Output | Should -Contain 'again=1'
        $result.Output | Should -Contain 'stoppedElsewhere=0,0'
    }
}
