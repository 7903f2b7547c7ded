# Shared by the Pester tests: where the built module is, how to start a fresh pwsh, how to reach Core's types.

function Get-RevitPerfModulePath {
    if ($env:REVITPERF_MODULE) { return $env:REVITPERF_MODULE }
    Join-Path $PSScriptRoot '../../out/RevitPerf/RevitPerf.psd1'
}

function Import-RevitPerfUnderTest {
    # The built module from out/, never a source copy.
    Import-Module (Get-RevitPerfModulePath) -Force -Global
}

function Invoke-FreshPwsh {
    # Runs a script in a new pwsh process of the same PowerShell; returns its output lines (all streams) and exit code.
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $exe = [Environment]::ProcessPath
    $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    # -OutputFormat Text: otherwise a child pwsh sends its warnings and errors as CLIXML, which the parent re-emits.
    $arguments += '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & $exe @arguments 2>&1 | ForEach-Object { "$_" -replace '\x1b\[[0-9;]*m', '' }
        [pscustomobject]@{ Output = @($output); Text = ($output -join "`n"); ExitCode = $LASTEXITCODE }
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

function Get-RevitPerfCoreType {
    # RevitPerf.Core loads into the module's own load context, where PowerShell's [type] syntax does not look.
    param([Parameter(Mandatory)] [string] $FullName)
    $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' } | Select-Object -First 1
    if (-not $core) { throw 'RevitPerf.Core is not loaded.' }
    $core.GetType($FullName, $true)
}

function New-TestYaml {
    # Writes YAML text to a new file under TestDrive and returns its path.
    param([Parameter(Mandatory)] [string] $Text, [string] $Name = ([guid]::NewGuid().ToString('N') + '.yaml'))
    $path = Join-Path $TestDrive $Name
    [IO.File]::WriteAllText($path, $Text.Replace("`r`n", "`n"))
    $path
}

Export-ModuleMember -Function *
