BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Measure-RevitScalability' {
    It 'passes the element count to the setup and the block, and writes one row per size with -BySize' {
        $rows = Measure-RevitScalability -Name Count -Setup { param($n) $items = [int[]]::new($n) } -ScriptBlock { param($n) if ($items.Length -ne $n) { throw "got $($items.Length)" } } -ElementCount 10, 20, 30 -Iterations 3 -WarmupIterations 0 -BySize
        $rows[0].PSObject.TypeNames[0] | Should -Be 'RevitPerf.ScalabilitySizeResult'
        $rows.ElementCount | Should -Be @(10, 20, 30)
        $rows | ForEach-Object { $_.SuccessRate | Should -Be 1; $_.Iterations | Should -Be 3; $_.Error | Should -BeNullOrEmpty }
    }

    It 'classifies a quadratic block as quadratic' {
        $fit = Measure-RevitScalability -Name Pairs -ScriptBlock { param($n) $s = 0; for ($i = 0; $i -lt $n; $i++) { for ($j = 0; $j -lt $n; $j++) { $s++ } } } -ElementCount 10, 20, 40, 80 -Iterations 5 -WarmupIterations 1
        $fit.PSObject.TypeNames[0] | Should -Be 'RevitPerf.ScalabilityResult'
        $fit.Complexity | Should -Be 'Quadratic'
        $fit.Sizes | Should -Be 4
        $fit.ComplexityRSquared | Should -BeGreaterThan 0.9
    }

    It 'classifies a linear block as linear, with RevitPy''s verdict' {
        $fit = Measure-RevitScalability -Name Walk -Setup { param($n) $list = [int[]]::new($n * 100) } -ScriptBlock { param($n) [Array]::IndexOf($list, 1) } -ElementCount 1000, 4000, 16000, 64000 -Iterations 10 -WarmupIterations 2
        $fit.Complexity | Should -BeIn @('Linear', 'Linearithmic')
        $fit.IsLinear | Should -BeTrue
        $fit.SlopeMsPerElement | Should -BeGreaterThan 0
    }

    It 'warns about a failing size and reports when too few sizes remain to fit' {
        $warnings = $null
        $null = Measure-RevitScalability -Name Fails -ScriptBlock { param($n) if ($n -gt 10) { throw 'too big' } } -ElementCount 10, 20, 30 -Iterations 2 -WarmupIterations 0 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue
        "$warnings" | Should -BeLike '*Fails at 20 elements: too big*'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ScalabilityNotFitted,*'
    }
}
