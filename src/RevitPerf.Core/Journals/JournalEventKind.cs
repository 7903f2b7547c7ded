namespace RevitPerf.Core.Journals;

/// <summary>What a <see cref="JournalEvent"/> records.</summary>
public enum JournalEventKind
{
    /// <summary>The journal's "started recording journal file" line.</summary>
    SessionStarted,

    /// <summary>The "finished recording journal file" line of a session that ended cleanly.</summary>
    SessionEnded,

    /// <summary>A command (<c>Jrn.Command</c>): ribbon, menu, keyboard shortcut, add-in.</summary>
    Command,

    /// <summary>A task dialog Revit showed (<c>TaskDialog "..."</c> comment).</summary>
    Dialog,

    /// <summary>Data a command or dialog recorded (<c>Jrn.Data</c>), continuation lines joined.</summary>
    Data,

    /// <summary>A model opened (Revit's <c>[ISL] On open</c> line).</summary>
    ModelOpened,

    /// <summary>A model saved (Revit's <c>[ISL] On save</c> line).</summary>
    ModelSaved,
}
