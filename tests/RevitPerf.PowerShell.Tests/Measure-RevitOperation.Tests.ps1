BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

AfterAll {
    Reset-RevitPerformanceMetrics -Confirm:$false
    Reset-RevitPerformanceConfig -Confirm:$false
}

Describe 'Measure-RevitOperation' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Reset-RevitPerformanceMetrics -Confirm:$false
    }

    It 'passes the output through unchanged, in order, and records the run' {
        $out = Measure-RevitOperation -Name Load { 1; 'two'; [pscustomobject]@{ Three = 3 } }
        $out.Count | Should -Be 3
        $out[0] | Should -Be 1
        $out[1] | Should -Be 'two'
        $out[2].Three | Should -Be 3
        $row = Get-RevitPerformanceMetrics -Operation Load
        $row.Count | Should -Be 1
        $row.Failures | Should -Be 0
        $row.TotalMs | Should -BeGreaterOrEqual 0
    }

    It 'streams output to the next command as it is written' {
        $seen = [System.Collections.Generic.List[string]]::new()
        Measure-RevitOperation Stream { 'a'; $seen.Add('block after a'); 'b' } | ForEach-Object { $seen.Add("got $_") }
        $seen | Should -Be @('got a', 'block after a', 'got b')
    }

    It 'runs the block as & does: arguments, a child scope, and the caller''s variables visible' {
        $outer = 5
        $result = Measure-RevitOperation Args { param($a, $b) $outer = $a + $b + $outer; $outer } -ArgumentList 1, 2
        $result | Should -Be 8
        $outer | Should -Be 5
    }

    It 'records the time the block took' {
        $null = Measure-RevitOperation Sleep { Start-Sleep -Milliseconds 30 }
        (Get-RevitPerformanceMetrics Sleep).MaxMs | Should -BeGreaterOrEqual 25
    }

    It 'records the bytes the block allocated where the runtime tells' {
        $null = Measure-RevitOperation Alloc { $null = [byte[]]::new(1MB) }
        (Get-RevitPerformanceMetrics Alloc).AllocatedBytes | Should -BeGreaterOrEqual 1MB
    }

    It 'lets a terminating error surface unchanged and counts the failure' {
        $caught = $null
        try { Measure-RevitOperation Fails { throw [System.IO.FileNotFoundException]::new('no model') } } catch { $caught = $_ }
        $caught.Exception | Should -BeOfType System.IO.FileNotFoundException
        $caught.Exception.Message | Should -Be 'no model'
        $row = Get-RevitPerformanceMetrics Fails
        $row.Count | Should -Be 1
        $row.Failures | Should -Be 1
    }

    It 'writes a non-terminating error of the block to its own error stream, where -ErrorVariable sees it' {
        $out = Measure-RevitOperation Soft { Write-Error 'soft failure'; 'after' } -ErrorVariable problems -ErrorAction SilentlyContinue
        $out | Should -Be 'after'
        $problems.Count | Should -Be 1
        "$($problems[0])" | Should -Be 'soft failure'
    }

    It 'records nothing while enable_metrics_collection is off, but still runs the block' {
        Set-RevitPerformanceConfig -EnableMetricsCollection $false
        Measure-RevitOperation Off { 42 } | Should -Be 42
        Get-RevitPerformanceMetrics | Should -BeNullOrEmpty
    }

    It 'refuses an empty name' {
        { Measure-RevitOperation -Name '' { 1 } } | Should -Throw -ErrorId 'ParameterArgumentValidationError,RevitPerf.PowerShell.Commands.MeasureRevitOperationCommand'
    }
}
