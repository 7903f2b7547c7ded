using System;
using System.Management.Automation;
using System.Threading;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// One leak test, handed to <see cref="Script"/> as $__RevitPerfLeak: the setup is dot-sourced into the wrapper's
/// scope, then <see cref="Run"/> invokes the operation repeatedly in child scopes that see the setup's variables.
/// </summary>
public sealed class LeakTestRun
{
    /// <summary>The wrapper the test runs in.</summary>
    internal const string Script = @"
param($__RevitPerfLeak)
$ErrorActionPreference = 'Stop'
$__RevitPerfSetup = $__RevitPerfLeak.Setup
if ($null -ne $__RevitPerfSetup) { . $__RevitPerfSetup }
Remove-Variable -Name __RevitPerfSetup
$__RevitPerfLeak.Run()
";

    private readonly string _name;
    private readonly ScriptBlock _operation;
    private readonly int? _iterations;
    private readonly TimeSpan? _duration;
    private readonly CancellationToken _cancellation;
    private readonly Action<int> _progress;

    internal LeakTestRun(string name, ScriptBlock operation, ScriptBlock? setup, int? iterations, TimeSpan? duration, CancellationToken cancellation, Action<int> progress)
    {
        _name = name;
        _operation = operation;
        Setup = setup;
        _iterations = iterations;
        _duration = duration;
        _cancellation = cancellation;
        _progress = progress;
    }

    /// <summary>The setup block, or null.</summary>
    public ScriptBlock? Setup { get; }

    internal LeakTestResult? Result { get; private set; }

    /// <summary>Runs the test on the calling thread.</summary>
    public void Run() =>
        Result = new LeakTest().Run(_name, () => _operation.Invoke(), _iterations, _duration, _cancellation, _progress);
}
