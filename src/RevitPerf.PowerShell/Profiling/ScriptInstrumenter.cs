using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Text;
using RevitPerf.Core.Profiling;

namespace RevitPerf.PowerShell.Profiling;

/// <summary>
/// Rewrites PowerShell code for <see cref="ProfileSession"/>: each statement becomes
/// <c>try{E(s,id);statement}finally{X(s,id,$?)}</c> and each function body reports its call and return, all on the
/// statement's own line, so that line numbers, the file name (and with it $PSScriptRoot) and scoping stay those of the
/// original. The rewritten text is parsed under the original file name where the engine allows it.
/// </summary>
/// <remarks>
/// Chosen over the engine's statement trace (Set-PSDebug -Trace 1) because that trace reaches only the host, which
/// a cmdlet cannot replace without reflection on internals, costs a formatted message per statement, and cannot tell
/// where a statement ends; the rewrite uses public API only (PowerShell 5.1 and 7), knows where each statement ends
/// (so self and inclusive times are exact and a throwing statement still ends its timing), and costs two static calls
/// per statement, which are calibrated and subtracted. What it cannot see: code that was not rewritten (compiled
/// cmdlets, class methods, module functions called from inside other module functions) counts in the line that
/// called it.
/// </remarks>
internal sealed class ScriptInstrumenter
{
    public const string InMemory = "<ScriptBlock>";
    public const string ScriptFunction = "<Script>";
    private const string Probe = "[RevitPerf.PowerShell.Profiling.ProfilerProbe]::";
    private const int MaxTextLength = 200;

    // Commands whose script blocks run in another process, where the probe's type does not exist: left as they are.
    private static readonly HashSet<string> s_otherProcess = new(StringComparer.OrdinalIgnoreCase)
    {
        "Start-Job", "sajb", "Invoke-Command", "icm", "Start-ThreadJob", "New-PSSession", "Enter-PSSession",
    };

    // Parser.ParseInput(input, fileName, out tokens, out errors) keeps the file name (PowerShell 7); else the file is lost.
    private static readonly MethodInfo? s_parseWithFile = typeof(Parser).GetMethod(
        "ParseInput", BindingFlags.Public | BindingFlags.Static, null,
        new[] { typeof(string), typeof(string), typeof(Token[]).MakeByRefType(), typeof(ParseError[]).MakeByRefType() }, null);

    private readonly ProfileSession _session;
    private readonly int _stamp;

    public ScriptInstrumenter(ProfileSession session, int stamp)
    {
        _session = session;
        _stamp = stamp;
    }

    /// <summary>Rewrites a script block; its top level counts as the function <paramref name="name"/>.</summary>
    public ScriptBlock Instrument(ScriptBlock block, string name = ScriptFunction)
    {
        var ast = block.Ast;
        var extent = ast.Extent;
        var text = extent.Text;
        if (ast is ScriptBlockAst { Parent: ScriptBlockExpressionAst } && text.Length >= 2 && text[0] == '{' && text[text.Length - 1] == '}')
        {
            // A literal { ... }: its inside becomes the script, the braces blanked so every position stays put.
            text = " " + text.Substring(1, text.Length - 2) + " ";
        }

        return Rewrite(Pad(extent, text), extent.File, name, topLevel: true, out _).GetScriptBlock();
    }

    /// <summary>Rewrites a script file as a whole.</summary>
    public ScriptBlock InstrumentFile(string path, string text) => Rewrite(text, path, path, topLevel: true, out _).GetScriptBlock();

    /// <summary>
    /// Rewrites the definition of <paramref name="function"/>: for a function of no module, a script block that
    /// defines it when dot-sourced; for a module's function, a body bound to its module (null when its parameters are
    /// declared outside a param block, which a body cannot carry).
    /// </summary>
    public (ScriptBlock? Definition, ScriptBlock? ModuleBody) InstrumentFunction(FunctionInfo function)
    {
        if (function.ScriptBlock.Ast is not FunctionDefinitionAst definition || definition.Body.DynamicParamBlock is not null)
        {
            return (null, null);
        }

        var extent = definition.Extent;
        var root = Rewrite(Pad(extent, extent.Text), extent.File, function.Name, topLevel: false, out var names);
        if (function.Module is null)
        {
            return (root.GetScriptBlock(), null);
        }

        if (definition.Parameters is { Count: > 0 })
        {
            return (null, null);
        }

        var rewritten = (FunctionDefinitionAst)root.Find(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: false);
        return (null, function.Module.NewBoundScriptBlock(rewritten.Body.GetScriptBlock()));
    }

    /// <summary>The names of the commands <paramref name="ast"/> calls by name, for finding functions to rewrite.</summary>
    public static IEnumerable<string> CommandNames(Ast ast) =>
        ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true)
            .Select(a => ((CommandAst)a).GetCommandName())
            .Where(n => !string.IsNullOrEmpty(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)!;

    private static string Pad(IScriptExtent extent, string text)
    {
        var builder = new StringBuilder(text.Length + extent.StartLineNumber + extent.StartColumnNumber);
        builder.Append('\n', extent.StartLineNumber - 1).Append(' ', extent.StartColumnNumber - 1).Append(text);
        return builder.ToString();
    }

    private static ScriptBlockAst Parse(string text, string? file)
    {
        Token[] tokens;
        ParseError[] errors;
        ScriptBlockAst ast;
        if (file is not null && s_parseWithFile is not null)
        {
            var arguments = new object?[] { text, file, null, null };
            ast = (ScriptBlockAst)s_parseWithFile.Invoke(null, arguments)!;
            errors = (ParseError[])arguments[3]!;
        }
        else
        {
            ast = Parser.ParseInput(text, out tokens, out errors);
        }

        if (errors.Length > 0)
        {
            throw new ParseException(errors);
        }

        return ast;
    }

    private ScriptBlockAst Rewrite(string text, string? file, string name, bool topLevel, out IEnumerable<string> names)
    {
        var original = Parse(text, file);
        names = CommandNames(original);
        var shownFile = string.IsNullOrEmpty(file) ? InMemory : file!;
        var lines = text.Split('\n');
        var edits = new List<Edit>();
        var functions = new Dictionary<Ast, int>();
        if (topLevel)
        {
            var id = _session.AddFunction(name, shownFile, original.Extent.StartLineNumber);
            functions[original] = id;
            WrapBlocks(original, id, edits);
        }

        foreach (var definition in original.FindAll(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: true).Cast<FunctionDefinitionAst>())
        {
            if (!Skipped(definition) && definition.Body.DynamicParamBlock is null)
            {
                var id = _session.AddFunction(definition.Name, shownFile, definition.Extent.StartLineNumber);
                functions[definition] = id;
                WrapBlocks(definition.Body, id, edits);
            }
        }

        var listed = new HashSet<StatementAst>();
        foreach (var block in original.FindAll(a => a is NamedBlockAst or StatementBlockAst, searchNestedScriptBlocks: true))
        {
            var statements = block is NamedBlockAst named ? named.Statements : ((StatementBlockAst)block).Statements;
            listed.UnionWith(statements);
        }

        foreach (var statement in original.FindAll(a => a is StatementAst, searchNestedScriptBlocks: true).Cast<StatementAst>())
        {
            if (!listed.Contains(statement) || !Wrappable(statement) || Skipped(statement) || Owner(statement, functions) is not int owner)
            {
                continue;
            }

            var line = statement.Extent.StartLineNumber;
            var source = line - 1 < lines.Length ? lines[line - 1].Trim() : statement.Extent.Text;
            var id = _session.AddStatement(shownFile, line, source.Length > MaxTextLength ? source.Substring(0, MaxTextLength) : source, owner);
            edits.Add(new Edit(statement.Extent.StartOffset, 3, $"try{{{Probe}E({_stamp},{id});"));
            edits.Add(new Edit(statement.Extent.EndOffset, 0, $"}}finally{{{Probe}X({_stamp},{id},$?)}}"));
        }

        // $? after a probe would read the probe's success: it reads what the statement before it left instead.
        foreach (var status in original.FindAll(a => a is VariableExpressionAst v && v.VariablePath.UserPath == "?", searchNestedScriptBlocks: true))
        {
            if (!Skipped(status) && Owner(status, functions) is not null)
            {
                edits.Add(new Edit(status.Extent.StartOffset, 4, $"({Probe}S)", status.Extent.EndOffset));
            }
        }

        return Parse(Apply(text, edits), file);
    }

    private void WrapBlocks(ScriptBlockAst body, int function, List<Edit> edits)
    {
        // A call counts once, at the first block the function has; its other blocks add their time (FN).
        var enter = "FE";
        foreach (var block in new[] { body.BeginBlock, body.ProcessBlock, body.EndBlock })
        {
            if (block is { Statements.Count: > 0 })
            {
                edits.Add(new Edit(block.Statements[0].Extent.StartOffset, 2, $"try{{{Probe}{enter}({_stamp},{function});"));
                edits.Add(new Edit(block.Statements[block.Statements.Count - 1].Extent.EndOffset, 1, $"}}finally{{{Probe}FX({_stamp},{function})}}"));
                enter = "FN";
            }
        }
    }

    private static bool Wrappable(StatementAst statement) => statement is not (
        FunctionDefinitionAst or TypeDefinitionAst or UsingStatementAst or ConfigurationDefinitionAst
        or DynamicKeywordStatementAst or BlockStatementAst);

    // Code the rewrite must leave alone: class bodies, attributes, param defaults, data sections, dynamicparam
    // blocks, and script blocks that another process runs.
    private static bool Skipped(Ast ast)
    {
        for (var parent = ast.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case TypeDefinitionAst or AttributeAst or ParamBlockAst or ParameterAst or DataStatementAst or ConfigurationDefinitionAst:
                    return true;
                case NamedBlockAst { BlockKind: TokenKind.Dynamicparam }:
                    return true;
                case CommandAst command when s_otherProcess.Contains(command.GetCommandName() ?? string.Empty):
                    return true;
            }
        }

        return false;
    }

    // The function whose time a statement is: the innermost rewritten function around it, or the top level.
    private static int? Owner(Ast ast, Dictionary<Ast, int> functions)
    {
        for (var parent = ast.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is FunctionDefinitionAst && functions.TryGetValue(parent, out var id))
            {
                return id;
            }

            if (parent.Parent is null && functions.TryGetValue(parent, out var top))
            {
                return top;
            }
        }

        return null;
    }

    private static string Apply(string text, List<Edit> edits)
    {
        // At one offset: statement ends first (inner before outer is their natural order), then function returns,
        // then function calls, then statement starts, then a replacement.
        var ordered = edits.OrderBy(e => e.Offset).ThenBy(e => e.Order).ToList();
        var builder = new StringBuilder(text.Length + (edits.Count * 48));
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Offset < position)
            {
                continue;
            }

            builder.Append(text, position, edit.Offset - position).Append(edit.Text);
            position = edit.ReplaceTo ?? edit.Offset;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private readonly struct Edit
    {
        public Edit(int offset, int order, string text, int? replaceTo = null)
        {
            Offset = offset;
            Order = order;
            Text = text;
            ReplaceTo = replaceTo;
        }

        public int Offset { get; }

        public int Order { get; }

        public string Text { get; }

        public int? ReplaceTo { get; }
    }
}
