<#
.SYNOPSIS
    A tour of RevitPerf's configuration cmdlets: inspect, change, preview, save, load and reset.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1'))
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# What is in force, and where it came from.
Get-RevitPerformanceConfig

# One section as a flat row: ready for Export-Csv or Export-Excel.
Get-RevitPerformanceConfig -Section PerformanceTargets | Format-Table

# Preview, then apply, a change.
Set-RevitPerformanceConfig -CacheMaxSize 20000 -WhatIf
Set-RevitPerformanceConfig -CacheMaxSize 20000

# Load the team file (every problem is reported with its line; nothing changes if there is one).
Import-RevitPerformanceConfig (Join-Path $PSScriptRoot 'revitperf.yaml') -PassThru |
    ForEach-Object { $_.Optimization } | Select-Object CacheMaxSize, CacheMaxMemoryMB, MemoryCleanupThresholdMB

# Save everything, commented, then go back to the defaults.
$file = Join-Path ([IO.Path]::GetTempPath()) 'revitperf-tour.yaml'
Export-RevitPerformanceConfig $file
Reset-RevitPerformanceConfig -Confirm:$false
Write-Host "Saved to $file; the configuration is back to its defaults."
