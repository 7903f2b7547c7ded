using System;
using System.Collections.ObjectModel;
using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// Runs a script block as a benchmark operation with ScriptBlock.Invoke: on the calling thread and runspace, in a
/// child scope of the scope the setup was dot-sourced into. The overhead twin is an empty block invoked the same way.
/// </summary>
internal sealed class ScriptBlockWorkload : IBenchmarkWorkload
{
    private readonly ScriptBlock _operation;
    private readonly ScriptBlock? _teardown;
    private readonly ScriptBlock? _validate;
    private readonly Func<string?> _setupError;
    private readonly object[] _arguments;
    private Collection<PSObject>? _last;
    private bool _tornDown;

    public ScriptBlockWorkload(ScriptBlock operation, ScriptBlock? teardown = null, ScriptBlock? validate = null, Func<string?>? setupError = null, object[]? arguments = null)
    {
        _arguments = arguments ?? Array.Empty<object>();
        _operation = operation;
        _teardown = teardown;
        _validate = validate;
        _setupError = setupError ?? (() => null);
    }

    public void Setup()
    {
        // The setup itself ran dot-sourced in the benchmark's scope before the engine started; report its failure here.
        if (_setupError() is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    public void Run(long invocations)
    {
        try
        {
            for (long i = 0; i < invocations; i++)
            {
                _last = _operation.Invoke(_arguments);
            }
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            throw new InvalidOperationException(Describe(ex), ex);
        }
    }

    public string? Validate()
    {
        if (_validate is null)
        {
            return null;
        }

        object? output = _last is null ? null : _last.Count == 1 ? _last[0] : _last;
        try
        {
            var verdict = _validate.InvokeWithContext(null, new List<PSVariable> { new("_", output) }, output);
            return verdict.Count > 0 && !LanguagePrimitives.IsTrue(verdict[verdict.Count - 1])
                ? "the validation block returned " + (verdict[verdict.Count - 1]?.ToString() ?? "$null")
                : null;
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            return Describe(ex);
        }
    }

    public void Teardown()
    {
        try
        {
            _teardown?.Invoke(_arguments);
            _tornDown = true;
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            throw new InvalidOperationException(Describe(ex), ex);
        }
    }

    /// <summary>Runs the teardown when <see cref="Teardown"/> could not (the pipeline was stopped); errors are not reported.</summary>
    public void TeardownIfPending()
    {
        if (_tornDown || _teardown is null)
        {
            return;
        }

        _tornDown = true;
        _teardown.Invoke(_arguments);
    }

    /// <summary>The message of the error a script raised, without the "running command stopped" wrapping.</summary>
    public static string Describe(RuntimeException ex) =>
        ex.ErrorRecord?.Exception?.Message is { Length: > 0 } message ? message : ex.Message;
}
