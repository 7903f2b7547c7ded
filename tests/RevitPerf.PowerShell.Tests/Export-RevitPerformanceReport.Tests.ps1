BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    $script:artifacts = Join-Path $PSScriptRoot '../../out/report'
    $null = New-Item -ItemType Directory -Force $artifacts

    # Real runs of every kind a report shows.
    $script:doubling = Invoke-RevitBenchmark -Name Doubling -ScriptBlock { $null = foreach ($i in 1..200) { $i * 2 } } -Iterations 40 -TargetLatencyMs 50
    $script:baselineFile = Join-Path $TestDrive 'baseline.json'
    $doubling | Save-RevitBenchmarkBaseline -Path $baselineFile
    $again = Invoke-RevitBenchmark -Name Doubling -ScriptBlock { $null = foreach ($i in 1..200) { $i * 2 } } -Iterations 40 -TargetLatencyMs 50
    $script:cache = Invoke-RevitBenchmark -Suite Cache
    $script:results = @($again) + $cache
    $script:comparisons = Compare-RevitBenchmark -Baseline $baselineFile -InputObject $again
    $script:fit = Measure-RevitScalability -Name Sum -ElementCount 100, 1000, 4000 -Iterations 3 -ScriptBlock { param($n) $s = 0; foreach ($i in 1..$n) { $s += $i } } -WarningAction SilentlyContinue
    $script:leak = Test-RevitMemoryLeak -Name Keeps -ScriptBlock { $null = [byte[]]::new(1000) } -Iterations 250
    $script:monitor = Start-RevitMemoryMonitor -MonitorName ReportTest -IntervalSeconds 0.2 -WarningThresholdMB 1 -PassThru
    Start-Sleep -Milliseconds 1500
    $script:snapshots = Get-RevitMemorySnapshot -Monitor ReportTest
    $script:alerts = Get-RevitPerformanceAlert -Monitor ReportTest
    Stop-RevitMemoryMonitor ReportTest
    $script:sessions = Get-RevitJournal -Path (Join-Path $PSScriptRoot '../fixtures/journals')
    $script:profile = Trace-RevitScript { $a = foreach ($i in 1..500) { $i }; Start-Sleep -Milliseconds 20; $b = $a | Sort-Object -Descending }
    $null = Measure-RevitOperation -Name ReportStep { Start-Sleep -Milliseconds 2 }
    $script:operations = Get-RevitPerformanceMetrics -Operation ReportStep

    $script:everything = @($results) + $comparisons + $fit + $leak + $snapshots + $monitor + $alerts + $sessions + $profile + $operations
    $script:reportPath = Join-Path $artifacts 'report.html'
    $script:file = $everything | Export-RevitPerformanceReport -Path $reportPath -Title 'RevitPerf CI report' -Baseline $baselineFile -PassThru
    $expression = @'
JSON.stringify({
  title: document.title,
  sections: Array.from(document.querySelectorAll('section[data-section]')).map(s => ({ id: s.id, charts: s.querySelectorAll('svg.chart').length })),
  untitled: Array.from(document.querySelectorAll('svg.chart')).filter(s => !s.querySelector('title') || s.querySelectorAll('text.axis').length < 1).length,
  numbers: document.querySelectorAll('figure details table').length,
  figures: document.querySelectorAll('figure').length,
  benchmarks: Array.from(document.querySelectorAll('#benchmark-table tbody tr')).map(r => ({ key: r.getAttribute('data-benchmark'), judged: r.cells[2].textContent, measured: r.cells[3].getAttribute('data-v'), mean: r.cells[6].getAttribute('data-v'), baseline: r.cells[11].textContent })),
  sessions: Array.from(document.querySelectorAll('#journal-sessions tbody tr')).map(r => ({ name: r.cells[0].textContent, crashed: r.classList.contains('crashed') })),
  baselineLines: document.querySelectorAll('p.baseline').length,
  alertMarkers: document.querySelectorAll('#memory .marker.alert').length
})
'@
    $script:page = Invoke-HeadlessPage -Path $reportPath -Expression $expression -Screenshot (Join-Path $artifacts 'report.png')
}

AfterAll {
    Get-RevitMemoryMonitor ReportTest -ErrorAction SilentlyContinue | Stop-RevitMemoryMonitor -ErrorAction SilentlyContinue
}

Describe 'Export-RevitPerformanceReport in a browser' {
    It 'writes one file and loads it without a request, a console message or an error' {
        $file.FullName | Should -Be (Resolve-Path $reportPath).Path
        $page.Requests | Should -Be @($file.FullName | ForEach-Object { [Uri]::new($_).AbsoluteUri })
        $page.Console | Should -BeNullOrEmpty
        $page.Exceptions | Should -BeNullOrEmpty
        $page.LogErrors | Should -BeNullOrEmpty
        $page.Value.title | Should -Be 'RevitPerf CI report'
    }

    It 'has every section, each with its charts' {
        $charts = @{}
        foreach ($s in $page.Value.sections) { $charts[$s.id] = $s.charts }
        $charts.Keys | Sort-Object | Should -Be (@('benchmarks', 'comparisons', 'journals', 'leaks', 'memory', 'operations', 'profiles', 'scalability', 'summary') | Sort-Object)
        $charts['benchmarks'] | Should -Be (2 * $results.Count)   # a distribution and a timeline each
        $charts['scalability'] | Should -Be 1
        $charts['memory'] | Should -Be 1
        $charts['leaks'] | Should -Be 1
        $charts['journals'] | Should -Be 2
        $charts['profiles'] | Should -Be 1
        $charts['operations'] | Should -Be 1
        $page.Value.untitled | Should -Be 0
        $page.Value.numbers | Should -Be $page.Value.figures   # every chart has the table of its numbers
        $page.Value.alertMarkers | Should -Be @($alerts).Count
    }

    It 'shows the numbers of the objects: the figure each benchmark is judged by, its mean, the baseline verdict' {
        $page.Value.benchmarks.Count | Should -Be $results.Count
        foreach ($r in $results) {
            $row = $page.Value.benchmarks | Where-Object key -EQ "$($r.Suite)/$($r.Name)"
            [double]$row.mean | Should -Be $r.MeanMs
            $row.judged | Should -Be ([string]$r.JudgedBy)
            if ($r.JudgedBy) { [double]$row.measured | Should -Be $r.JudgedValue }
        }
        ($page.Value.benchmarks | Where-Object key -EQ 'Cache/HitRatio').judged | Should -Be 'HitRatio'
        ($page.Value.benchmarks | Where-Object key -EQ 'AdHoc/Doubling').baseline | Should -BeIn 'Faster', 'Same', 'Slower', 'Unsure'
        $page.Value.baselineLines | Should -Be 1
    }

    It 'flags the journal session that did not end cleanly' {
        ($page.Value.sessions | Where-Object crashed).name | Should -Be 'journal.2025.txt'
        ($page.Value.sessions | Where-Object { -not $_.crashed }).name | Should -Be 'journal.2016.txt'
    }

    It 'takes a screenshot for the CI artifacts' {
        $png = Join-Path $artifacts 'report.png'
        (Get-Item $png).Length | Should -BeGreaterThan 10KB
        [IO.File]::ReadAllBytes($png)[1..3] | Should -Be ([byte[]][char[]]'PNG')
    }
}

Describe 'Export-RevitPerformanceReport' {
    It 'reports an object of no known kind and writes the rest' {
        $path = Join-Path $TestDrive 'mixed.html'
        $null = @($doubling, 'a string', (Get-Date)) | Export-RevitPerformanceReport -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -Be 'ReportInputInvalid,RevitPerf.PowerShell.Commands.ExportRevitPerformanceReportCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidType'
        $errors[0].TargetObject | Should -Be 'a string'
        Get-Content -Raw $path | Should -Match 'id="benchmarks"'
    }

    It 'refuses to write a report of nothing' {
        { 'x' | Export-RevitPerformanceReport -Path (Join-Path $TestDrive 'empty.html') -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'ReportInputEmpty,RevitPerf.PowerShell.Commands.ExportRevitPerformanceReportCommand'
        Join-Path $TestDrive 'empty.html' | Should -Not -Exist
    }

    It 'replaces a file unless -NoClobber, and writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'again.html'
        Set-Content $path 'old'
        $doubling | Export-RevitPerformanceReport -Path $path
        Get-Content -Raw $path | Should -Match '<!DOCTYPE html>'
        { $doubling | Export-RevitPerformanceReport -Path $path -NoClobber } | Should -Throw -ErrorId 'ReportFileExists,RevitPerf.PowerShell.Commands.ExportRevitPerformanceReportCommand'
        $whatIf = Join-Path $TestDrive 'whatif.html'
        $doubling | Export-RevitPerformanceReport -Path $whatIf -WhatIf
        $whatIf | Should -Not -Exist
    }

    It 'takes -LiteralPath and -InputObject' {
        $path = Join-Path $TestDrive 'lit[1].html'
        $file = Export-RevitPerformanceReport -LiteralPath $path -InputObject $sessions -PassThru
        $file.Name | Should -Be 'lit[1].html'
        Get-Content -Raw -LiteralPath $path | Should -Match 'id="journals"'
    }

    It 'stops when the baseline file does not exist' {
        { $doubling | Export-RevitPerformanceReport -Path (Join-Path $TestDrive 'b.html') -Baseline (Join-Path $TestDrive 'nope.json') } |
            Should -Throw -ErrorId 'BenchmarkFileNotFound,RevitPerf.PowerShell.Commands.ExportRevitPerformanceReportCommand'
    }
}

Describe 'The benchmark table in the console' {
    It 'shows the figure each benchmark is judged by, with its target' {
        $text = $cache | Format-Table | Out-String -Width 250
        $text | Should -Match 'Judged by'
        $text | Should -Match 'hit ratio \d+(\.\d)? % ≥ \d+'
        ($doubling | Format-Table | Out-String -Width 250) | Should -Match 'mean .+ ≤ 50'
    }
}
