<#
.SYNOPSIS
    Counts the complexity classes Measure-RevitScalability names for code of known class over many runs: how often it
    is right, how often Inconclusive, and (what must never happen) how often wrong.
.EXAMPLE
    dotnet pwsh ./bench/Measure-ScalabilityVerdicts.ps1 -Runs 20
.EXAMPLE
    ../shared/tools/under-load dotnet pwsh ./bench/Measure-ScalabilityVerdicts.ps1 -Runs 20
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000)]
    [int] $Runs = 20,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/RevitPerf/RevitPerf.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path

# Each case: the class its code has, and how to measure it.
$cases = @(
    @{ Expected = 'Quadratic'; Name = 'NestedLoops'; ElementCount = 10, 20, 40, 80, 160
       ScriptBlock = { param($n) $s = 0; for ($i = 0; $i -lt $n; $i++) { for ($j = 0; $j -lt $n; $j++) { $s++ } } } }
    @{ Expected = 'Linear'; Name = 'Loop'; ElementCount = 1000, 2000, 4000, 8000, 16000
       ScriptBlock = { param($n) $s = 0; for ($i = 0; $i -lt $n; $i++) { $s += $i } } }
    @{ Expected = 'Constant'; Name = 'Empty'; ElementCount = 10, 100, 1000, 10000
       ScriptBlock = { param($n) } }
)

$rows = foreach ($case in $cases) {
    $verdicts = foreach ($run in 1..$Runs) {
        Write-Progress -Activity 'Scalability verdicts' -Status "$($case.Name), run $run of $Runs"
        Measure-RevitScalability -Name $case.Name -ScriptBlock $case.ScriptBlock -ElementCount $case.ElementCount -WarningAction SilentlyContinue
    }

    [pscustomobject]@{
        Case          = $case.Name
        Expected      = $case.Expected
        Right         = @($verdicts | Where-Object Complexity -eq $case.Expected).Count
        Inconclusive  = @($verdicts | Where-Object Complexity -eq 'Inconclusive').Count
        Wrong         = @($verdicts | Where-Object { $_.Complexity -notin $case.Expected, 'Inconclusive' }).Count
        WrongClasses  = (@($verdicts | Where-Object { $_.Complexity -notin $case.Expected, 'Inconclusive' }).Complexity | Sort-Object -Unique) -join ', '
        MeanConfidence = [math]::Round(($verdicts | Measure-Object Confidence -Average).Average, 2)
    }
}
Write-Progress -Activity 'Scalability verdicts' -Completed
$rows | Format-Table -AutoSize | Out-String -Width 200
