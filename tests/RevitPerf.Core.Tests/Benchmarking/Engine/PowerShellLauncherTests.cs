using System;
using System.Text;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Tests.Benchmarking;

public class PowerShellLauncherTests
{
    [Fact]
    public void WhenTheEditionIsDesktop_WindowsPowerShellIsStarted()
    {
        var launcher = PowerShellLauncher.ForHome(@"C:\Windows\System32\WindowsPowerShell\v1.0", desktopEdition: true, @"C:\Revit\Revit.exe", _ => true);
        Assert.EndsWith("powershell.exe", launcher.FileName, StringComparison.Ordinal);
        Assert.Empty(launcher.LeadingArguments);
    }

    [Fact]
    public void WhenPowerShellRunsAsADotnetTool_DotnetStartsPwshDll()
    {
        var launcher = PowerShellLauncher.ForHome("/tools/pwsh", desktopEdition: false, "/usr/share/dotnet/dotnet", _ => true);
        Assert.Equal("/usr/share/dotnet/dotnet", launcher.FileName);
        Assert.Equal(System.IO.Path.Combine("/tools/pwsh", "pwsh.dll"), Assert.Single(launcher.LeadingArguments));
    }

    [Fact]
    public void WhenTheHostIsAnotherProgram_ThePwshExecutableIsStartedNeverTheHost()
    {
        var launcher = PowerShellLauncher.ForHome("/opt/pwsh", desktopEdition: false, "/opt/revit/Revit", path => path.EndsWith("pwsh", StringComparison.Ordinal) || path.EndsWith("pwsh.exe", StringComparison.Ordinal));
        Assert.StartsWith(System.IO.Path.Combine("/opt/pwsh", "pwsh"), launcher.FileName, StringComparison.Ordinal);
        Assert.Empty(launcher.LeadingArguments);
    }

    [Fact]
    public void WhenAScriptIsStarted_ItGoesInAsAnEncodedCommandAndLeadingArgumentsAreQuoted()
    {
        var info = new PowerShellLauncher("dotnet", new[] { "/my tools/pwsh.dll" }).StartInfo("Import-Module 'a b'");
        Assert.StartsWith("\"/my tools/pwsh.dll\" -NoLogo -NoProfile -NonInteractive -EncodedCommand ", info.Arguments, StringComparison.Ordinal);
        var encoded = info.Arguments.Substring(info.Arguments.LastIndexOf(' ') + 1);
        Assert.Equal("Import-Module 'a b'", Encoding.Unicode.GetString(Convert.FromBase64String(encoded)));
        Assert.True(info.RedirectStandardOutput && info.RedirectStandardError && !info.UseShellExecute);
    }
}
