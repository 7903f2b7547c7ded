using System;
using System.Management.Automation;
using RevitPerf.Core.Pooling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Creates a named object pool from a factory (or a type's constructor) and an optional reset.</summary>
[Cmdlet(VerbsCommon.New, "RevitObjectPool", SupportsShouldProcess = true)]
[OutputType(typeof(PoolStatistics))]
public sealed class NewRevitObjectPoolCommand : RevitPoolCmdlet
{
    /// <summary>The pool's name; by default the full name of -TypeName (one of them is needed).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The type the pool holds; objects of any type when not given (a -Name and a -Factory are then needed).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? TypeName { get; set; }

    /// <summary>Makes a new object: a script block that outputs one object. By default the type's constructor.</summary>
    [Parameter(Position = 1)]
    public ScriptBlock? Factory { get; set; }

    /// <summary>Cleans a returned object before it is kept (param($obj)); an object whose reset throws is discarded.</summary>
    [Parameter]
    public ScriptBlock? Reset { get; set; }

    /// <summary>The most idle objects kept; by default pool_max_size, which it then follows.</summary>
    [Parameter]
    [ValidateRange(1, 1000000)]
    public int MaxSize { get; set; }

    /// <summary>Records where each object still out was borrowed (Get-RevitObjectPool -Outstanding); it costs time.</summary>
    [Parameter]
    public SwitchParameter TrackLoans { get; set; }

    /// <summary>Disposes the objects the pool discards when they are IDisposable.</summary>
    [Parameter]
    public SwitchParameter DisposeDiscarded { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var type = TypeName is null ? null : ResolvePoolType(TypeName, terminating: true);
        var name = Name ?? type?.FullName ?? ThrowNotNamed();
        if (FindPool(name) is not null)
        {
            WriteError(AlreadyExists(name));
            return;
        }

        var size = MyInvocation.BoundParameters.ContainsKey(nameof(MaxSize)) ? MaxSize : (int?)null;
        if (!ShouldProcess(name, $"Create an object pool of {(type ?? typeof(object)).FullName} keeping {(size is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "pool_max_size")} idle objects"))
        {
            return;
        }

        if (!CreatePool(name, type, Factory, Reset, size, out var pool))
        {
            WriteError(AlreadyExists(name));
            return;
        }

        pool.TrackLoans = TrackLoans;
        pool.DisposeDiscarded = DisposeDiscarded;

        WriteTyped(pool.GetStatistics(), StatisticsTypeName);
    }

    private static ErrorRecord AlreadyExists(string name) => NewError(
        new InvalidOperationException($"An object pool named '{name}' already exists."), ErrorIds.PoolAlreadyExists, ErrorCategory.ResourceExists, name);
}
