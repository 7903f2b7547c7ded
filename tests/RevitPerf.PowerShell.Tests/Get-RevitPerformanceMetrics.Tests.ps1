BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

AfterAll {
    Reset-RevitPerformanceMetrics -Confirm:$false
    Reset-RevitPerformanceConfig -Confirm:$false
}

Describe 'Get-RevitPerformanceMetrics and Reset-RevitPerformanceMetrics' {
    BeforeEach {
        Reset-RevitPerformanceConfig -Confirm:$false
        Reset-RevitPerformanceMetrics -Confirm:$false
        foreach ($name in 'Load.Walls', 'Load.Doors', 'Export') {
            1..4 | ForEach-Object { $null = Measure-RevitOperation $name { $_ } }
        }
    }

    It 'gives one flat row per operation, sorted by name, that exports to CSV as is' {
        $rows = Get-RevitPerformanceMetrics
        $rows.Name | Should -Be @('Export', 'Load.Doors', 'Load.Walls')
        $rows[0].GetType().FullName | Should -Be 'RevitPerf.Core.Metrics.OperationStatistics'
        $rows[0].Count | Should -Be 4
        $rows[0].P95Ms | Should -BeGreaterOrEqual $rows[0].P50Ms
        $rows[0].MaxMs | Should -BeGreaterOrEqual $rows[0].P99Ms
        $csv = Join-Path $TestDrive 'metrics.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $columns = (Import-Csv $csv)[0].PSObject.Properties.Name
        $columns[0..9] | Should -Be @('Name', 'Count', 'Failures', 'MeanMs', 'P50Ms', 'P95Ms', 'P99Ms', 'MaxMs', 'TotalMs', 'SampleCount')
        ($rows | Format-Table | Out-String) | Should -Match 'P95Ms'
    }

    It 'selects operations by wildcard, and names one that was never measured in an error' {
        (Get-RevitPerformanceMetrics -Operation 'load.*').Name | Should -Be @('Load.Doors', 'Load.Walls')
        'Export' | Get-RevitPerformanceMetrics | Select-Object -ExpandProperty Name | Should -Be 'Export'
        Get-RevitPerformanceMetrics -Operation 'Nope*' | Should -BeNullOrEmpty
        $rows = Get-RevitPerformanceMetrics -Operation Export, Missing -ErrorVariable problems -ErrorAction SilentlyContinue
        $rows.Name | Should -Be 'Export'
        $problems[0].FullyQualifiedErrorId | Should -Be 'OperationNotFound,RevitPerf.PowerShell.Commands.GetRevitPerformanceMetricsCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'Missing'
        $null = Get-RevitPerformanceMetrics -Operation '[z-a]' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
    }

    It 'completes operation names' {
        $completion = TabExpansion2 -inputScript 'Get-RevitPerformanceMetrics -Operation Load.W' -cursorColumn 45
        $completion.CompletionMatches.CompletionText | Should -Be 'Load.Walls'
    }

    It 'gives the summary: uptime, operations and their rate, hit ratios and memory' {
        $summary = Get-RevitPerformanceMetrics -Summary
        $summary.GetType().FullName | Should -Be 'RevitPerf.Core.Metrics.MetricsSummary'
        $summary.Operations | Should -Be 12
        $summary.UptimeSeconds | Should -BeGreaterThan 0
        $summary.OperationsPerSecond | Should -BeGreaterThan 0
        $summary.WorkingSetMB | Should -BeGreaterThan 0
        $summary.CacheHitRatio | Should -BeGreaterOrEqual 0
    }

    It 'keeps a history sampled every metrics_collection_interval_seconds' {
        Set-RevitPerformanceConfig -MetricsCollectionIntervalSeconds 0.1
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (@(Get-RevitPerformanceMetrics -History).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $history = @(Get-RevitPerformanceMetrics -History)
        $history.Count | Should -BeGreaterOrEqual 2
        $history[1].Timestamp | Should -BeGreaterThan $history[0].Timestamp
        $history[-1].Operations | Should -Be 12
    }

    It 'forgets the operations named, or all of them; -WhatIf forgets nothing' {
        Reset-RevitPerformanceMetrics -Operation 'Load.*' -WhatIf
        @(Get-RevitPerformanceMetrics).Count | Should -Be 3
        Reset-RevitPerformanceMetrics -Operation 'Load.*' -Confirm:$false
        (Get-RevitPerformanceMetrics).Name | Should -Be 'Export'
        Reset-RevitPerformanceMetrics -Operation Missing -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'OperationNotFound,*'
        Reset-RevitPerformanceMetrics -Confirm:$false
        Get-RevitPerformanceMetrics | Should -BeNullOrEmpty
        (Get-RevitPerformanceMetrics -Summary).Operations | Should -Be 0
    }
}

Describe 'The RevitPerf meter' {
    BeforeAll {
        # RevitPerf.Core lives in the module's own load context, where type names do not resolve: reach it through an object.
        $script:meterType = (Get-RevitPerformanceMetrics -Summary).GetType().Assembly.GetType('RevitPerf.Core.Metrics.RevitPerfMeter')
        # A MeterListener's measurement callback takes a span, which a script block cannot: a small collector in C#.
        if (-not ('RevitPerfTests.MeterCollector' -as [type])) {
            Add-Type -ReferencedAssemblies 'System.Collections', 'System.Runtime', 'System.Memory', 'System.Threading', ([System.Diagnostics.Metrics.Meter].Assembly.Location) -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
namespace RevitPerfTests {
    public sealed class MeterCollector : IDisposable {
        private readonly MeterListener _listener = new MeterListener();
        public readonly List<string> Seen = new List<string>();
        public MeterCollector(Meter meter) {
            _listener.InstrumentPublished = (i, l) => { if (ReferenceEquals(i.Meter, meter)) l.EnableMeasurementEvents(i); };
            _listener.SetMeasurementEventCallback<double>((i, v, tags, s) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<long>((i, v, tags, s) => Add(i, v, tags));
            _listener.Start();
        }
        private void Add(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object>> tags) {
            var name = "";
            foreach (var t in tags) if (t.Key == "revitperf.operation.name" || t.Key == "revitperf.name") name = (string)t.Value;
            lock (Seen) Seen.Add(i.Name + "|" + name + "|" + v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        public void Collect() { _listener.RecordObservableInstruments(); }
        public void Dispose() { _listener.Dispose(); }
    }
}
'@
        }
    }

    It 'is seen through a MeterListener: operation durations in seconds and cache counters' {
        $collector = [RevitPerfTests.MeterCollector]::new($meterType::Meter)
        try {
            $null = Measure-RevitOperation MeterOp { Start-Sleep -Milliseconds 20 }
            $null = Invoke-RevitCachedOperation -Key meter-key { 1 }
            $null = Invoke-RevitCachedOperation -Key meter-key { 1 }
            $collector.Collect()
            $duration = $collector.Seen | Where-Object { $_ -like 'revitperf.operation.duration|MeterOp|*' }
            [double]($duration -split '\|')[2] | Should -BeGreaterOrEqual 0.015
            [double]($duration -split '\|')[2] | Should -BeLessThan 60
            $collector.Seen | Where-Object { $_ -like 'revitperf.cache.hits|Default|*' } | Should -Not -BeNullOrEmpty
        }
        finally {
            $collector.Dispose()
        }
    }
}
