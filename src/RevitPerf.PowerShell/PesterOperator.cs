using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell;

/// <summary>
/// The Pester assertion <c>Should -MeetRevitPerformanceTarget</c>, registered with Add-ShouldOperator when the module
/// is imported into a session where Pester 5 is loaded (import RevitPerf in BeforeAll, or after Pester).
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
    Add-ShouldOperator -Name $name -Test ([scriptblock]::Create($test)) -SupportsArrayInput
}
";

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

    /// <summary>Registers the operator when Pester 5 is loaded in the importing runspace; otherwise does nothing.</summary>
    internal static void RegisterIfPesterLoaded()
    {
        if (Runspace.DefaultRunspace is null)
        {
            return;
        }

        try
        {
            using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddScript(RegisterScript).AddArgument(Name).AddArgument(TestScript).Invoke();
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

    private static IEnumerable<object?> Flatten(object? value)
    {
        var inner = value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
        if (inner is null)
        {
            yield break;
        }

        if (inner is IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                foreach (var nested in Flatten(item))
                {
                    yield return nested;
                }
            }

            yield break;
        }

        yield return inner;
    }
}
