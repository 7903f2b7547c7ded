using System;

namespace RevitPerf.Core.Journals;

/// <summary>Which series a <see cref="JournalReader"/> returns as entries; the session summary is always complete.</summary>
[Flags]
public enum JournalSeries
{
    /// <summary>None: read for the summary only.</summary>
    None = 0,

    /// <summary><see cref="JournalMemorySample"/> rows.</summary>
    Memory = 1,

    /// <summary><see cref="JournalOperation"/> rows.</summary>
    Operations = 2,

    /// <summary><see cref="JournalEvent"/> rows.</summary>
    Events = 4,

    /// <summary>All three.</summary>
    All = Memory | Operations | Events,
}
