namespace RevitPerf.Core.Journals;

/// <summary>
/// A command, dialog, data entry, model open or save, or the session's start or clean end. <see cref="Name"/> is
/// what a person reads (the command's description, the dialog's text, the data key, the model path);
/// <see cref="Detail"/> the rest (the command id, the data values).
/// </summary>
public sealed class JournalEvent : JournalEntry
{
    internal JournalEvent()
    {
    }

    /// <summary>What happened.</summary>
    public JournalEventKind Kind { get; internal set; }

    /// <summary>The command's description, dialog text, data key or model path.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The command id (ID_REVIT_FILE_OPEN), the data values, or null.</summary>
    public string? Detail { get; internal set; }

    /// <summary>Where a command came from (Ribbon, Menu, KeyboardShortcut, ...), or null.</summary>
    public string? Source { get; internal set; }
}
