using System;
using System.Management.Automation;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell;

/// <summary>
/// ErrorRecords of Core failures that several cmdlets report. Internal, and so never loaded at import: PowerShell
/// loads the module's public types before its resolver can find RevitPerf.Core, whose types these signatures name.
/// </summary>
internal static class Errors
{
    /// <summary>The error for a wildcard pattern that cannot be matched; its target is the pattern.</summary>
    public static ErrorRecord InvalidWildcard(InvalidWildcardPatternException exception) =>
        new(exception ?? throw new ArgumentNullException(nameof(exception)), ErrorIds.InvalidWildcardPattern, ErrorCategory.InvalidArgument, exception.Pattern);
}
