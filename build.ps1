<#
.SYNOPSIS
    The one entry point: Build, Test, Docs, Package, Bench, Demo.
.DESCRIPTION
    Build   compiles the solution and assembles out/RevitPerf/ from an explicit file list (fails if one is missing).
    Docs    turns docs/en-US/*.md (PlatyPS markdown) into MAML help and about_ text in out/RevitPerf/en-US/.
    Test    builds, runs xunit, then Pester in a fresh pwsh against the built module; ends with 'N passed, N failed'.
    Package zips out/RevitPerf/ into out/RevitPerf-<version>.zip.
    Bench   runs the BenchmarkDotNet project (-BenchFilter picks benchmarks).
    Demo    the main job: imports the built module, runs Invoke-RevitBenchmark -Suite All, prints the table, writes the JSON results.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Bench', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string] $BenchFilter = '*'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'RevitPerf'
$TestResults = Join-Path $Out 'test-results'

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    ([xml](Get-Content -Raw (Join-Path $Root 'Directory.Build.props'))).Project.PropertyGroup.VersionPrefix |
        Where-Object { $_ } | Select-Object -First 1
}

function Get-NuGetPackageFolder {
    $line = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals failed.' }
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Start-FreshPwsh {
    # A new pwsh process of the same PowerShell that runs this script (as a .NET tool, via dotnet pwsh.dll).
    param([string[]] $Arguments)
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        $Arguments = @((Join-Path $PSHOME 'pwsh.dll')) + $Arguments
    }
    & $exe @Arguments
}

function Invoke-Docs {
    $helpOut = Join-Path $ModuleOut 'en-US'
    New-Item -ItemType Directory -Force -Path $helpOut | Out-Null
    $docs = Join-Path $Root 'docs/en-US'
    if (Get-Module -ListAvailable -Name platyPS) {
        Import-Module platyPS
        New-ExternalHelp -Path $docs -OutputPath $helpOut -Force | Out-Null
    }
    else {
        & (Join-Path $Root 'build/ConvertTo-MamlHelp.ps1') -Source $docs -Destination $helpOut -AssemblyFileName 'RevitPerf.PowerShell.dll'
    }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $Root 'RevitPerf.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet')

    $bin = Join-Path $Root "src/RevitPerf.PowerShell/bin/$Configuration/netstandard2.0"
    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut 'Dependencies/Desktop') | Out-Null

    # The explicit file list of the module. RevitPerf.Core sits in Dependencies/ with YamlDotNet so that both load
    # into the module's own load context on PowerShell 7 (see src/RevitPerf.PowerShell/Loading).
    $files = [ordered]@{
        'RevitPerf.PowerShell.dll'          = Join-Path $bin 'RevitPerf.PowerShell.dll'
        'Dependencies/RevitPerf.Core.dll'   = Join-Path $bin 'RevitPerf.Core.dll'
        'Dependencies/YamlDotNet.dll'       = Join-Path $bin 'YamlDotNet.dll'
    }
    # The PostgreSQL results store: Npgsql and what PowerShell 7 does not have, in the module's own load context.
    foreach ($name in 'Npgsql', 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.DependencyInjection.Abstractions', 'Microsoft.Bcl.AsyncInterfaces', 'Microsoft.Bcl.HashCode') {
        $files["Dependencies/$name.dll"] = Join-Path $bin "$name.dll"
    }
    # Windows PowerShell 5.1 only: the Meter's System.Diagnostics.DiagnosticSource, the journals' code page provider
    # and what they need. PowerShell 7 has them, and must use its own (dotnet-counters listens through the runtime's copy).
    foreach ($name in 'System.Diagnostics.DiagnosticSource', 'System.Text.Encoding.CodePages', 'System.Text.Json', 'System.Text.Encodings.Web', 'System.Threading.Channels', 'System.Collections.Immutable', 'System.Threading.Tasks.Extensions', 'System.Memory', 'System.Buffers', 'System.Numerics.Vectors', 'System.Runtime.CompilerServices.Unsafe') {
        $files["Dependencies/Desktop/$name.dll"] = Join-Path $bin "$name.dll"
    }
    $files['RevitPerf.Format.ps1xml'] = Join-Path $Root 'src/RevitPerf.PowerShell/RevitPerf.Format.ps1xml'
    foreach ($entry in $files.GetEnumerator()) {
        if (-not (Test-Path -LiteralPath $entry.Value)) { throw "Build output is missing $($entry.Value)." }
        Copy-Item -LiteralPath $entry.Value -Destination (Join-Path $ModuleOut $entry.Key)
    }

    $version = Get-ModuleVersion
    $manifest = Get-Content -Raw (Join-Path $Root 'RevitPerf.psd1')
    $manifest = $manifest -replace "ModuleVersion(\s*)=\s*'[^']*'", "ModuleVersion`$1= '$version'"
    Set-Content -LiteralPath (Join-Path $ModuleOut 'RevitPerf.psd1') -Value $manifest -NoNewline -Encoding utf8

    Invoke-Docs

    $expected = @('RevitPerf.psd1') + $files.Keys + @('en-US/RevitPerf.PowerShell.dll-Help.xml', 'en-US/about_RevitPerf.help.txt', 'en-US/about_RevitPerf_Configuration.help.txt', 'en-US/about_RevitPerf_Caching.help.txt', 'en-US/about_RevitPerf_Benchmarking.help.txt', 'en-US/about_RevitPerf_Memory.help.txt', 'en-US/about_RevitPerf_Pooling.help.txt', 'en-US/about_RevitPerf_Batching.help.txt', 'en-US/about_RevitPerf_Metrics.help.txt', 'en-US/about_RevitPerf_Journals.help.txt', 'en-US/about_RevitPerf_Storage.help.txt')
    foreach ($file in $expected) {
        if (-not (Test-Path -LiteralPath (Join-Path $ModuleOut $file))) { throw "The assembled module is missing $file." }
    }
    Write-Host "Built RevitPerf $version in $ModuleOut"
}

function Install-Chromium {
    # The HTML report's Pester tests open it in headless Chromium (Chrome or Edge will do). On Debian and Ubuntu the
    # package is installed when none is there; elsewhere a warning says what the tests need.
    if (Get-Command chromium, chromium-browser, google-chrome, msedge -CommandType Application -ErrorAction SilentlyContinue) { return }
    if ($IsLinux -and (Get-Command apt-get -CommandType Application -ErrorAction SilentlyContinue)) {
        Write-Host 'Installing Chromium for the report tests (apt-get install chromium).'
        if ((id -u) -eq '0') { apt-get update -qq | Out-Null; apt-get install -y -qq chromium | Out-Null }
        else { sudo apt-get update -qq | Out-Null; sudo apt-get install -y -qq chromium | Out-Null }
    }
    else {
        Write-Warning 'The HTML report tests need Chromium, Chrome or Edge on the PATH.'
    }
}

function Invoke-Test {
    Install-Chromium
    Invoke-Build
    if (Test-Path $TestResults) { Remove-Item -Recurse -Force $TestResults }
    New-Item -ItemType Directory -Force -Path $TestResults | Out-Null

    # xunit (Core). A failing test must not stop the run before Pester: the counts decide at the end.
    & dotnet test (Join-Path $Root 'tests/RevitPerf.Core.Tests') -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=core.trx' --logger 'console;verbosity=normal' --results-directory $TestResults
    $trx = Join-Path $TestResults 'core.trx'
    $xPassed = 0; $xFailed = 0
    if (Test-Path $trx) {
        $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
        $xPassed = [int]$counters.passed
        $xFailed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    else {
        $xFailed = 1
        Write-Warning 'xunit wrote no results.'
    }

    # Pester (the built module), in a fresh pwsh so no state of this build leaks into it.
    $packages = Get-NuGetPackageFolder
    $env:REVITPERF_PESTER = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    $env:REVITPERF_OTHER_YAMLDOTNET = Join-Path $packages 'yamldotnet/13.7.1/lib/netstandard2.0/YamlDotNet.dll'
    $env:REVITPERF_MODULE = Join-Path $ModuleOut 'RevitPerf.psd1'
    $pesterJson = Join-Path $TestResults 'pester.json'
    # The PostgreSQL results store is tested against a real server, started for the run and removed after it.
    Import-Module (Join-Path $Root 'build/TestPostgres.psm1') -Force
    $null = Start-TestPostgres
    try {
        Start-FreshPwsh @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'build/Invoke-PesterTests.ps1'),
            '-TestPath', (Join-Path $Root 'tests/RevitPerf.PowerShell.Tests'), '-ResultPath', $pesterJson)
    }
    finally {
        Stop-TestPostgres -Remove
    }
    $pPassed = 0; $pFailed = 0
    if (Test-Path $pesterJson) {
        $pester = Get-Content -Raw $pesterJson | ConvertFrom-Json
        $pPassed = $pester.Passed
        $pFailed = $pester.Failed
    }
    else {
        $pFailed = 1
        Write-Warning 'Pester wrote no results.'
    }

    Write-Host ("xunit: {0} passed, {1} failed; Pester: {2} passed, {3} failed" -f $xPassed, $xFailed, $pPassed, $pFailed)
    $passed = $xPassed + $pPassed
    $failed = $xFailed + $pFailed
    "{0} passed, {1} failed" -f $passed, $failed
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    $zip = Join-Path $Out ("RevitPerf-{0}.zip" -f (Get-ModuleVersion))
    Compress-Archive -Path $ModuleOut -DestinationPath $zip -Force
    Write-Host "Packaged $zip"
}

function Invoke-Bench {
    Invoke-Native dotnet @('run', '-c', 'Release', '--project', (Join-Path $Root 'bench/RevitPerf.Benchmarks'), '--', '--filter', $BenchFilter)
}

function Invoke-Demo {
    Invoke-Build
    $script = Join-Path $Root 'examples/Invoke-MainJob.ps1'
    Start-FreshPwsh @('-NoProfile', '-NonInteractive', '-File', $script, '-ModulePath', (Join-Path $ModuleOut 'RevitPerf.psd1'))
    if ($LASTEXITCODE -ne 0) { throw "The main job failed with exit code $LASTEXITCODE." }
}

Push-Location $Root
try {
    foreach ($t in $Task) {
        switch ($t) {
            'Build' { Invoke-Build }
            'Docs' { Invoke-Docs }
            'Test' { Invoke-Test }
            'Package' { Invoke-Package }
            'Bench' { Invoke-Bench }
            'Demo' { Invoke-Demo }
        }
    }
}
finally {
    Pop-Location
}
