<#
.SYNOPSIS
    Writes what the settings' one declaration (ConfigurationSchema) says into their help: the parameter paragraphs of
    Set-RevitPerformanceConfig.md and the tables of about_RevitPerf_Configuration.md. -Check changes nothing and lists
    every place that disagrees (the Pester tests run it so).
.EXAMPLE
    dotnet pwsh ./build/Update-SettingDocs.ps1            # after adding or changing a setting (build first)
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'),
    [string] $Docs = (Join-Path $PSScriptRoot '../docs/en-US'),
    [switch] $Check
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' } | Select-Object -First 1
$schema = $core.GetType('RevitPerf.Core.Configuration.ConfigurationSchema', $true)
$settings = @($schema::All)
$problems = [System.Collections.Generic.List[string]]::new()

function Update-File([string] $Path, [scriptblock] $Transform) {
    $text = [IO.File]::ReadAllText($Path)
    $new = & $Transform $text
    if ($new -ne $text) {
        if ($Check) { return }
        [IO.File]::WriteAllText($Path, $new)
    }
}

# Set-RevitPerformanceConfig.md: the first line under each setting's parameter heading.
Update-File (Join-Path $Docs 'Set-RevitPerformanceConfig.md') {
    param($text)
    foreach ($s in $settings) {
        $line = "$($s.Description) YAML key: ``$($s.Path)``. Allowed: $($s.AllowedValues). Default: $($s.DefaultText)."
        $pattern = "(?m)(^### -$($s.Name)\r?\n)(.*)$"
        $match = [regex]::Match($text, $pattern)
        if (-not $match.Success) { $problems.Add("Set-RevitPerformanceConfig.md has no parameter -$($s.Name)"); continue }
        if ($match.Groups[2].Value -ne $line) {
            $problems.Add("Set-RevitPerformanceConfig.md, -$($s.Name): '$($match.Groups[2].Value)' should be '$line'")
            $text = $text.Substring(0, $match.Groups[2].Index) + $line + $text.Substring($match.Groups[2].Index + $match.Groups[2].Length)
        }
    }
    $text
}

# about_RevitPerf_Configuration.md: one table per section.
Update-File (Join-Path $Docs 'about_RevitPerf_Configuration.md') {
    param($text)
    foreach ($section in 'Optimization', 'Benchmark', 'PerformanceTargets') {
        $rows = @('| YAML key | Parameter | Default | Allowed | Read by |', '|---|---|---|---|---|')
        $rows += $settings | Where-Object { "$($_.Section)" -eq $section } |
            ForEach-Object { "| $($_.Key) | $($_.Name) | $($_.DefaultText) | $($_.AllowedValues) | $($_.ReadBy) |" }
        $table = $rows -join "`n"
        $pattern = "(?ms)(^### $section \([^\n]*\n\n)(\|.*?)(\n\n)"
        $match = [regex]::Match($text, $pattern)
        if (-not $match.Success) { $problems.Add("about_RevitPerf_Configuration.md has no $section table"); continue }
        if ($match.Groups[2].Value -ne $table) {
            $problems.Add("about_RevitPerf_Configuration.md: the $section table does not match the schema")
            $text = $text.Substring(0, $match.Groups[2].Index) + $table + $text.Substring($match.Groups[2].Index + $match.Groups[2].Length)
        }
    }
    $text
}

if ($Check) { $problems } else { $problems | ForEach-Object { Write-Host "updated: $_" } }
