using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell;

/// <summary>
/// The Pester assertion <c>Should -MeetRevitPerformanceTarget</c>, registered with Add-ShouldOperator in a runspace
/// where Pester 5 is loaded: when RevitPerf is imported after Pester, or else by the first RevitPerf command that runs
/// after Pester is imported (its assembly's arrival is noticed), so that no re-import is ever needed.
/// </summary>
public static class PesterOperator
{
    /// <summary>The operator's name.</summary>
    public const string Name = "MeetRevitPerformanceTarget";

    // A simple function (no [Parameter] attributes), so that Should's other bound parameters land in $args.
    private const string TestScript = "param($ActualValue, [switch] $Negate, [string] $Because)\n"
        + "[RevitPerf.PowerShell.PesterOperator]::Test($ActualValue, $Negate.IsPresent, $Because)";

    // Get-Module without -ListAvailable looks only at loaded modules: Get-Command -Module would search the module
    // path when Pester is not loaded, which cost 30-40 ms on every import.
    private const string RegisterScript = @"
param($name, $test)
$pester = Get-Module -Name Pester | Where-Object { $_.Version.Major -ge 5 } | Select-Object -First 1
if ($pester -and $pester.ExportedCommands.ContainsKey('Add-ShouldOperator')) {
    # Registered already by an earlier import: Pester refuses a second one; either way it is there.
    try { Add-ShouldOperator -Name $name -Test ([scriptblock]::Create($test)) -SupportsArrayInput } catch { }
}
";

    // The deepest nesting of collections Should's input is searched for results (a list of lists of results, say).
    private const int MaxDepth = 8;

    // Runspaces the operator is registered in; Pester's arrival in the process (its assembly loading) is the cue to look.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Runspace, object> s_registered = new();
    private static int s_pesterSeen;

    /// <summary>Checks the results in <paramref name="actual"/>; returns Pester's { Succeeded, FailureMessage }.</summary>
    public static PSObject Test(object? actual, bool negate, string? because)
    {
        var items = Flatten(actual).ToList();
        var results = items.Select(Benchmarking.ResultInput.AsResult).ToList();
        var reason = string.IsNullOrWhiteSpace(because) ? string.Empty : " because " + because!.Trim();
        string? failure;
        if (items.Count == 0 || results.Any(r => r is null))
        {
            var bad = items.FirstOrDefault(i => Benchmarking.ResultInput.AsResult(i) is null);
            failure = items.Count == 0
                ? $"Expected benchmark results to check against their targets{reason}, but got nothing."
                : $"Expected benchmark results from Invoke-RevitBenchmark{reason}, but got '{bad}'.";
            return Verdict(false, failure);
        }

        var misses = TargetValidator.Check(results!);
        if (!negate)
        {
            failure = misses.Count == 0 ? null
                : $"Expected every benchmark to meet its performance targets{reason}, but {TargetValidator.Describe(misses)}";
            return Verdict(failure is null, failure);
        }

        failure = misses.Count > 0 ? null
            : $"Expected a benchmark to miss a performance target{reason}, but all {results.Count} met them.";
        return Verdict(failure is null, failure);
    }

    /// <summary>
    /// At import: watches for Pester's assembly, and registers the operator now when Pester 5 is loaded in the
    /// importing runspace.
    /// </summary>
    internal static void RegisterIfPesterLoaded()
    {
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        if (AppDomain.CurrentDomain.GetAssemblies().Any(IsPester))
        {
            Volatile.Write(ref s_pesterSeen, 1);
        }

        RegisterIfPesterArrived();
    }

    /// <summary>
    /// Registers the operator in the current runspace once Pester has arrived in the process and it is not registered
    /// there yet: a volatile read when Pester is not loaded, so every RevitPerf command may call it.
    /// </summary>
    internal static void RegisterIfPesterArrived()
    {
        if (Volatile.Read(ref s_pesterSeen) == 0 || Runspace.DefaultRunspace is not { } runspace || s_registered.TryGetValue(runspace, out _))
        {
            return;
        }

        try
        {
            using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddScript(RegisterScript + "\n[bool]$pester").AddArgument(Name).AddArgument(TestScript);
            if (ps.Invoke().LastOrDefault()?.BaseObject is true)
            {
                s_registered.GetValue(runspace, _ => new object());
            }
        }
#pragma warning disable CA1031 // Pester's registration failing (a name clash, its 32-operator limit) must not fail the import.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static PSObject Verdict(bool succeeded, string? failure)
    {
        var verdict = new PSObject();
        verdict.Properties.Add(new PSNoteProperty("Succeeded", succeeded));
        verdict.Properties.Add(new PSNoteProperty("FailureMessage", failure ?? string.Empty));
        return verdict;
    }

    private static void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        if (IsPester(args.LoadedAssembly))
        {
            Volatile.Write(ref s_pesterSeen, 1);
        }
    }

    private static bool IsPester(System.Reflection.Assembly assembly) =>
        string.Equals(assembly.GetName().Name, "Pester", StringComparison.OrdinalIgnoreCase);

    // The items of Should's input, collections opened up to MaxDepth levels, each collection once (one that holds
    // itself is not opened again): iterative, so no input can overflow the stack.
    private static IEnumerable<object?> Flatten(object? value)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object? Value, int Depth)>();
        pending.Push((value, 0));
        while (pending.Count > 0)
        {
            var (item, depth) = pending.Pop();
            var inner = item is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : item;
            if (inner is null)
            {
                continue;
            }

            if (inner is IEnumerable list and not string && depth < MaxDepth && seen.Add(inner))
            {
                // Pushed in reverse so that the items come out in their order.
                foreach (var child in list.Cast<object?>().Reverse())
                {
                    pending.Push((child, depth + 1));
                }

                continue;
            }

            yield return inner;
        }
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
