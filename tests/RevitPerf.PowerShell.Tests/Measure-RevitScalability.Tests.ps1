BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Measure-RevitScalability' {
    It 'passes the element count to the setup and the block, and writes one row per size with -BySize' {
        $rows = Measure-RevitScalability -Name Count -Setup { param($n) $items = [int[]]::new($n) } -ScriptBlock { param($n) if ($items.Length -ne $n) { throw "got $($items.Length)" } } -ElementCount 10, 20, 30 -Iterations 3 -WarmupIterations 0 -Rounds 1 -BySize
        $rows[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.ScalabilitySizeResult'
        $rows.ElementCount | Should -Be @(10, 20, 30)
        $rows | ForEach-Object { $_.SuccessRate | Should -Be 1; $_.Iterations | Should -Be 3; $_.Error | Should -BeNullOrEmpty }
    }

    # On a quiet machine these name the class every time (bench/Measure-ScalabilityVerdicts.ps1 counts it over 20 runs);
    # on a busy one the noise may hide the difference between classes, and then the verdict is Inconclusive: never a
    # wrong class, which is what these tests hold under load.
    It 'classifies a quadratic block as quadratic, or says it cannot tell' {
        $fit = Measure-RevitScalability -Name Pairs -ScriptBlock { param($n) $s = 0; for ($i = 0; $i -lt $n; $i++) { for ($j = 0; $j -lt $n; $j++) { $s++ } } } -ElementCount 10, 20, 40, 80 -Iterations 5 -WarmupIterations 1 -WarningAction SilentlyContinue
        $fit.PSObject.TypeNames[0] | Should -Be 'RevitPerf.ScalabilityResult'
        $fit.Complexity | Should -BeIn 'Quadratic', 'Inconclusive'
        $fit.Sizes | Should -Be 4
        $fit.Rounds | Should -Be 9
        if ($fit.Complexity -eq 'Quadratic') { $fit.ComplexityRSquared | Should -BeGreaterThan 0.9 }
        else { $fit.Reason | Should -Match 'Quadratic' }
    }

    It 'classifies a linear block as linear, with RevitPy''s verdict, or says it cannot tell' {
        $fit = Measure-RevitScalability -Name Loop -ScriptBlock { param($n) $s = 0; for ($i = 0; $i -lt $n; $i++) { $s += $i } } -ElementCount 1000, 2000, 4000, 8000, 16000 -WarningAction SilentlyContinue
        $fit.Complexity | Should -BeIn 'Linear', 'Inconclusive'
        $fit.IsLinear | Should -BeTrue
        $fit.SlopeMsPerElement | Should -BeGreaterThan 0
    }

    It 'classifies an empty block as constant, or says it cannot tell, and warns with the reason when it cannot' {
        $fit = Measure-RevitScalability -Name Empty -ScriptBlock { param($n) } -ElementCount 10, 100, 1000, 10000 -WarningVariable warnings -WarningAction SilentlyContinue
        $fit.Complexity | Should -BeIn 'Constant', 'Inconclusive'
        if ($fit.Complexity -eq 'Inconclusive') { "$warnings" | Should -Match 'Inconclusive' }
    }

    It 'warns about a failing size and reports when too few sizes remain to fit' {
        $warnings = $null
        $null = Measure-RevitScalability -Name Fails -ScriptBlock { param($n) if ($n -gt 10) { throw 'too big' } } -ElementCount 10, 20, 30 -Iterations 2 -WarmupIterations 0 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue
        "$warnings" | Should -BeLike '*Fails at 20 elements: too big*'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ScalabilityNotFitted,*'
    }
}
