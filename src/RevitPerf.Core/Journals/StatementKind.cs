namespace RevitPerf.Core.Journals;

/// <summary>The Jrn statements the reader keeps.</summary>
internal enum StatementKind
{
    Other,
    Command,
    Directive,
    Data,
}
