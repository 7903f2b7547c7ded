using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace RevitPerf.PowerShell;

/// <summary>
/// A script block that Core calls back (a pool's factory or reset), possibly from another runspace's thread than the
/// one that created it. A script block belongs to its runspace's session state and must not run on another's thread:
/// there it runs as an unbound copy of itself (without the closure of the creating session), made once per runspace.
/// </summary>
internal sealed class ScriptCallback
{
    private readonly ScriptBlock _block;
    private readonly Runspace? _owner;
    private readonly ConditionalWeakTable<Runspace, ScriptBlock> _copies = new();

    public ScriptCallback(ScriptBlock block)
    {
        _block = block ?? throw new ArgumentNullException(nameof(block));
        _owner = Runspace.DefaultRunspace;
    }

    /// <summary>The script's text, for messages.</summary>
    public override string ToString() => _block.ToString();

    /// <summary>Runs the script with <paramref name="arguments"/> in this thread's runspace and returns its output.</summary>
    public Collection<PSObject> Invoke(params object?[] arguments)
    {
        var current = Runspace.DefaultRunspace
            ?? throw new InvalidOperationException("A script block can only run on a thread with a PowerShell runspace; call the pool from PowerShell or give it a factory and reset in C#.");
        var block = ReferenceEquals(current, _owner)
            ? _block
            : _copies.GetValue(current, _ => (_block.Ast as ScriptBlockAst)?.GetScriptBlock() ?? ScriptBlock.Create(_block.ToString()));
        return block.Invoke(arguments);
    }
}
