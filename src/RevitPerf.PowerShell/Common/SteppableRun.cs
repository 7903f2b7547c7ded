using System.Management.Automation;

namespace RevitPerf.PowerShell;

/// <summary>
/// Runs a one-pipeline script as a steppable pipeline begun on a cmdlet, so that what it writes goes to the cmdlet's
/// own streams as it is written, in order; its terminating error is handed back, a stop of the pipeline goes on up.
/// </summary>
internal static class SteppableRun
{
    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; returns its terminating error, or null.</summary>
    public static RuntimeException? Run(Cmdlet cmdlet, ScriptBlock script, object?[] arguments)
    {
        var pipeline = script.GetSteppablePipeline(CommandOrigin.Internal, arguments);
        try
        {
            pipeline.Begin(cmdlet);
            pipeline.End();
            return null;
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            return ex;
        }
        finally
        {
            pipeline.Dispose();
        }
    }
}
