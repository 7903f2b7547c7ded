@{
    RootModule             = 'RevitPerf.PowerShell.dll'
    # Stamped from Directory.Build.props by build.ps1; do not edit here.
    ModuleVersion          = '0.1.0'
    GUID                   = '5b0f7d3e-8c1a-4e6b-9f2d-3a7c1e9b4d60'
    Author                 = 'RevitPerf contributors'
    CompanyName            = 'RevitPerf'
    Copyright              = '(c) RevitPerf contributors. All rights reserved.'
    Description            = 'Performance toolkit for Revit and BIM automation: benchmark suites with real statistics, an adaptive cache with honest statistics, object pools, batch execution, memory monitoring of PowerShell or Revit, regression / leak / scalability analysis and YAML configuration.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('RevitPerf.Format.ps1xml')
    CmdletsToExport        = @(
        'Get-RevitPerformanceConfig'
        'Set-RevitPerformanceConfig'
        'Import-RevitPerformanceConfig'
        'Export-RevitPerformanceConfig'
        'Reset-RevitPerformanceConfig'
        'Invoke-RevitCachedOperation'
        'Get-RevitCacheEntry'
        'Set-RevitCacheEntry'
        'Remove-RevitCacheEntry'
        'Clear-RevitCache'
        'New-RevitCache'
        'Get-RevitCache'
        'Remove-RevitCache'
        'Get-RevitCacheStatistics'
        'Reset-RevitCacheStatistics'
        'Invoke-RevitBenchmark'
        'New-RevitBenchmark'
        'Save-RevitBenchmarkBaseline'
        'Compare-RevitBenchmark'
        'Assert-RevitPerformanceTarget'
        'Test-RevitMemoryLeak'
        'Measure-RevitScalability'
        'Start-RevitMemoryMonitor'
        'Stop-RevitMemoryMonitor'
        'Get-RevitMemoryMonitor'
        'Get-RevitMemorySnapshot'
        'Get-RevitPerformanceAlert'
        'Confirm-RevitPerformanceAlert'
        'Optimize-RevitMemory'
        'Get-RevitMemoryReport'
        'New-RevitObjectPool'
        'Use-RevitPooledObject'
        'Get-RevitObjectPool'
        'Remove-RevitObjectPool'
        'Reset-RevitObjectPool'
        'Invoke-RevitBatch'
        'Invoke-RevitAutoOptimization'
        'Measure-RevitOperation'
        'Get-RevitPerformanceMetrics'
        'Reset-RevitPerformanceMetrics'
        'Trace-RevitScript'
        'Get-RevitJournal'
        'Get-RevitJournalMemory'
        'Get-RevitJournalOperation'
        'Get-RevitJournalEvent'
        'Export-RevitPerformanceReport'
        'Publish-RevitPerformanceResult'
        'Get-RevitBenchmarkHistory'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('Revit', 'BIM', 'Performance', 'Benchmark', 'Cache', 'Memory', 'ObjectPool', 'Metrics', 'Journal', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri = 'https://github.com/revitperf/RevitPerf'
        }
    }
}
