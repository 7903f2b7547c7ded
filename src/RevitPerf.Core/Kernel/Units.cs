namespace RevitPerf.Core.Kernel;

/// <summary>The unit conversions every capability uses, written once.</summary>
internal static class Units
{
    /// <summary>Bytes in a megabyte (MiB, as every MB figure of RevitPerf and RevitPy).</summary>
    public const double BytesPerMB = 1024 * 1024;
}
