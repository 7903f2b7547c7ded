BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Test-RevitMemoryLeak' {
    It 'says Leak for a block that keeps 10 KB per call, with the rate, within a few hundred runs' {
        $kept = [System.Collections.Generic.List[object]]::new()
        $result = Test-RevitMemoryLeak -Name Leaky -ScriptBlock { $kept.Add([byte[]]::new(10240)) } -Iterations 300
        $result.PSObject.TypeNames[0] | Should -Be 'RevitPerf.LeakTestResult'
        $result.Verdict | Should -Be 'Leak'
        $result.BytesPerIteration | Should -BeGreaterThan 9000
        $result.BytesPerIteration | Should -BeLessThan 12000
        $result.Iterations | Should -Be 300
        $result.Samples | Should -Be 5
        $result.GetAnalysis().RetainedBytes.Count | Should -Be 5
    }

    It 'says NoLeak for a block that allocates heavily but keeps nothing' {
        $result = Test-RevitMemoryLeak -Name Churn -ScriptBlock { $null = [byte[]]::new(200000); $null = 'x' * 5000 } -Iterations 400
        $result.Verdict | Should -Be 'NoLeak'
        # 200 KB allocated per run, and (give or take runtime noise) nothing of it kept.
        [math]::Abs($result.BytesPerIteration) | Should -BeLessThan 1024
    }

    It 'dot-sources the setup so the block sees its variables' {
        $result = Test-RevitMemoryLeak -Setup { $buffer = [byte[]]::new(16) } -ScriptBlock { $buffer[0]++ } -Iterations 250
        $result.Iterations | Should -Be 250
    }

    It 'runs for a duration, at least 250 runs' {
        $result = Test-RevitMemoryLeak -ScriptBlock { $null = 1 } -Duration ([timespan]::FromMilliseconds(1))
        $result.Iterations | Should -Be 250
    }

    It 'stops with an error naming the test when the block fails' {
        $null = Test-RevitMemoryLeak -Name Broken -ScriptBlock { throw 'element was deleted' } -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'LeakTestFailed,*'
        $errors[0].TargetObject | Should -Be 'Broken'
        "$($errors[0])" | Should -BeLike "*'Broken' stopped: element was deleted*"
    }

    It 'refuses too few iterations and a duration that is not positive' {
        { Test-RevitMemoryLeak -ScriptBlock { } -Iterations 100 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Test-RevitMemoryLeak -ScriptBlock { } -Duration ([timespan]::Zero) } | Should -Throw -ErrorId 'LeakTestInvalidArgument,*'
    }

    It 'exports flat' {
        $csv = Join-Path $TestDrive 'leak.csv'
        Test-RevitMemoryLeak -ScriptBlock { $null = 1 } -Iterations 250 | Export-Csv -LiteralPath $csv -NoTypeInformation
        $row = Import-Csv $csv
        $row.PSObject.Properties.Name[0..1] | Should -Be @('Name', 'Verdict')
        $row.PSObject.Properties.Value | ForEach-Object { $_ | Should -Not -Match '^(System|RevitPerf)\.' }
    }
}
