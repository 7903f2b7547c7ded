BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $script:cases = (Get-Module RevitPerf).ExportedCmdlets.Values | ForEach-Object {
        @{
            Name       = $_.Name
            Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
            Markdown   = Join-Path $PSScriptRoot "../../docs/en-US/$($_.Name).md"
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-RevitPerfUnderTest
}

Describe 'Help for <Name>' -ForEach $cases {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    It 'has a docs page whose parameters are exactly the cmdlet''s' {
        $Markdown | Should -Exist
        $documented = Select-String -LiteralPath $Markdown -Pattern '^### -(\w+)\s*$' | ForEach-Object { $_.Matches[0].Groups[1].Value } | Sort-Object
        $documented | Should -Be $Parameters
    }

    It 'has a synopsis and a description from the help file' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s"    # PowerShell's stand-in synopsis is the syntax line
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($parameter in $Parameters) {
            $entry = Get-Help $Name -Parameter $parameter
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has at least two examples with code' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.Examples.Example) { $example.Code | Should -Match $Name }
    }

    It 'names its output types' {
        ($help.ReturnValues | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'About topics' {
    It 'about_<_> is installed' -ForEach 'RevitPerf', 'RevitPerf_Configuration', 'RevitPerf_Caching', 'RevitPerf_Journals', 'RevitPerf_Storage' {
        $topic = Get-Help "about_$_"
        ($topic | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }

    It 'about_RevitPerf_Configuration lists every setting' {
        $text = Get-Help about_RevitPerf_Configuration | Out-String
        foreach ($setting in (Get-RevitPerfCoreType 'RevitPerf.Core.Configuration.ConfigurationSchema')::All) {
            $text | Should -Match ([regex]::Escape("| $($setting.Key) | $($setting.Name) |"))
        }
    }
}
