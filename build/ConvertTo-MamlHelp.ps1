<#
.SYNOPSIS
    Converts PlatyPS-schema markdown help into MAML (and about_ topics into .help.txt), as New-ExternalHelp would.
.DESCRIPTION
    PlatyPS cannot be installed on every build machine, so the build carries this converter for the subset of the
    PlatyPS 2.0.0 markdown schema that the docs use: SYNOPSIS, SYNTAX (set names), DESCRIPTION, EXAMPLES,
    PARAMETERS (with their yaml metadata blocks), INPUTS, OUTPUTS, NOTES and RELATED LINKS. As in PlatyPS, the
    syntax is built from the parameters' metadata, not from the SYNTAX code blocks.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Source,
    [Parameter(Mandatory)] [string] $Destination,
    [Parameter(Mandatory)] [string] $AssemblyFileName
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Split-MarkdownBlocks {
    # Splits markdown into heading blocks (level, title, body lines); '#' inside code fences is not a heading.
    param([string[]] $Lines)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Level = 0; Title = ''; Lines = [System.Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^(#{1,3})\s+(.*?)\s*$') {
            $blocks.Add($current)
            $current = [pscustomobject]@{ Level = $Matches[1].Length; Title = $Matches[2]; Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $blocks.Add($current)
    $blocks
}

function Get-Paragraphs {
    # Text lines to paragraphs: blank lines separate; list items and fenced code stay on their own lines.
    param([string[]] $Lines)
    $paras = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $flush = { if ($buffer.Count) { $paras.Add(($buffer -join ' ').Trim()); $buffer.Clear() } }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            & $flush
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $paras.Add($line); continue }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        $buffer.Add($line.Trim())
    }
    & $flush
    , $paras.ToArray()
}

function Read-CommandMarkdown {
    param([string] $Path)
    $lines = Get-Content -LiteralPath $Path
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        $end = [Array]::IndexOf($lines, '---', 1)
        $lines = $lines[($end + 1)..($lines.Count - 1)]
    }
    $blocks = Split-MarkdownBlocks $lines
    $help = [ordered]@{
        Name = $null; Synopsis = @(); Description = @(); Sets = [System.Collections.Generic.List[string]]::new()
        DefaultSet = $null; Examples = @(); Parameters = [System.Collections.Generic.List[object]]::new()
        Inputs = @(); Outputs = @(); Notes = @(); Links = @()
    }
    $section = ''
    foreach ($block in $blocks) {
        switch ($block.Level) {
            1 { $help.Name = $block.Title; continue }
            2 {
                $section = $block.Title.ToUpperInvariant()
                $paras = Get-Paragraphs $block.Lines
                switch ($section) {
                    'SYNOPSIS' { $help.Synopsis = $paras }
                    'DESCRIPTION' { $help.Description = $paras }
                    'NOTES' { $help.Notes = $paras }
                    'RELATED LINKS' {
                        $help.Links = @($block.Lines | Where-Object { $_ -match '^\s*\[(.+?)\]\((.*?)\)' } |
                                ForEach-Object { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } })
                    }
                }
                continue
            }
            3 {
                switch ($section) {
                    'SYNTAX' {
                        $name = $block.Title -replace '\s*\(Default\)\s*$', ''
                        $help.Sets.Add($name)
                        if ($block.Title -match '\(Default\)') { $help.DefaultSet = $name }
                    }
                    'EXAMPLES' {
                        $code = [System.Collections.Generic.List[string]]::new()
                        $text = [System.Collections.Generic.List[string]]::new()
                        $inFence = $false; $seenCode = $false
                        foreach ($line in $block.Lines) {
                            if ($line -match '^\s*```') {
                                if ($inFence) { $seenCode = $true }
                                $inFence = -not $inFence
                                continue
                            }
                            if ($inFence -and -not $seenCode) { $code.Add($line) } elseif (-not $inFence) { $text.Add($line) }
                        }
                        $help.Examples += [pscustomobject]@{ Title = $block.Title; Code = ($code -join "`n"); Remarks = (Get-Paragraphs $text) }
                    }
                    'PARAMETERS' {
                        if ($block.Title -notmatch '^-(\w+)$') { continue }   # CommonParameters
                        $parameterName = $Matches[1]
                        $description = [System.Collections.Generic.List[string]]::new()
                        $metadata = [System.Collections.Generic.List[object]]::new()
                        $yaml = $null
                        foreach ($line in $block.Lines) {
                            if ($line -match '^\s*```yaml') { $yaml = [ordered]@{}; continue }
                            if ($null -ne $yaml -and $line -match '^\s*```') { $metadata.Add($yaml); $yaml = $null; continue }
                            if ($null -ne $yaml) {
                                if ($line -match '^\s*([^:]+):\s*(.*?)\s*$') { $yaml[$Matches[1].Trim().ToLowerInvariant()] = $Matches[2] }
                                continue
                            }
                            if ($metadata.Count -eq 0) { $description.Add($line) }
                        }
                        $help.Parameters.Add([pscustomobject]@{ Name = $parameterName; Description = (Get-Paragraphs $description); Metadata = $metadata })
                    }
                    { $_ -in 'INPUTS', 'OUTPUTS' } {
                        $entry = [pscustomobject]@{ Type = $block.Title; Description = (Get-Paragraphs $block.Lines) }
                        if ($section -eq 'INPUTS') { $help.Inputs += $entry } else { $help.Outputs += $entry }
                    }
                }
            }
        }
    }
    if (-not $help.Name) { throw "$Path has no '# Command-Name' heading." }
    [pscustomobject]$help
}

function Write-Paras {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paras)
    foreach ($p in $Paras) { $Writer.WriteElementString('maml', 'para', $ns.maml, $p) }
    if (-not $Paras) { $Writer.WriteElementString('maml', 'para', $ns.maml, '') }
}

function Get-SetMetadata {
    # The metadata block of a parameter that applies to a set: its own sets, or '(All)'.
    param($Parameter, [string] $Set)
    foreach ($m in $Parameter.Metadata) {
        $sets = if ($m.Contains('parameter sets')) { $m['parameter sets'] } else { '(All)' }
        if ($sets -eq '(All)' -or (($sets -split ',\s*') -contains $Set)) { return $m }
    }
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Metadata, [bool] $InSyntax)
    $type = if ($Metadata.Contains('type')) { $Metadata['type'] } else { 'Object' }
    $required = if ($Metadata.Contains('required')) { $Metadata['required'].ToLowerInvariant() } else { 'false' }
    $position = if ($Metadata.Contains('position') -and $Metadata['position'] -ne 'Named') { $Metadata['position'] } else { 'named' }
    $aliases = if ($Metadata.Contains('aliases') -and $Metadata['aliases']) { $Metadata['aliases'] } else { 'none' }
    $pipeline = if ($Metadata.Contains('accept pipeline input')) { $Metadata['accept pipeline input'] } else { 'False' }
    $globbing = if ($Metadata.Contains('accept wildcard characters')) { $Metadata['accept wildcard characters'].ToLowerInvariant() } else { 'false' }
    $default = if ($Metadata.Contains('default value') -and $Metadata['default value']) { $Metadata['default value'] } else { 'None' }

    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $required)
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $globbing)
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    Write-Paras $Writer $Parameter.Description
    $Writer.WriteEndElement()
    if ($Metadata.Contains('accepted values') -and $Metadata['accepted values']) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($v in $Metadata['accepted values'] -split ',\s*') {
            $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $Writer.WriteString($v)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($InSyntax -and $type -eq 'SwitchParameter')) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', $(if ($type -eq 'SwitchParameter') { 'false' } else { 'true' }))
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $type)
    $Writer.WriteElementString('maml', 'uri', $ns.maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, $default)
    $Writer.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Entries)
    $Writer.WriteStartElement('command', $ListName, $ns.command)
    foreach ($e in $Entries) {
        $Writer.WriteStartElement('command', $ItemName, $ns.command)
        $Writer.WriteStartElement('dev', 'type', $ns.dev)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $e.Type)
        $Writer.WriteEndElement()
        $Writer.WriteStartElement('maml', 'description', $ns.maml)
        Write-Paras $Writer $e.Description
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command {
    param([System.Xml.XmlWriter] $Writer, $Help)
    $verb, $noun = $Help.Name -split '-', 2
    $Writer.WriteStartElement('command', 'command', $ns.command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

    $Writer.WriteStartElement('command', 'details', $ns.command)
    $Writer.WriteElementString('command', 'name', $ns.command, $Help.Name)
    $Writer.WriteElementString('command', 'verb', $ns.command, $verb)
    $Writer.WriteElementString('command', 'noun', $ns.command, $noun)
    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    Write-Paras $Writer $Help.Synopsis
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    Write-Paras $Writer $Help.Description
    $Writer.WriteEndElement()

    # One syntax item per parameter set, the default set first, from the parameters' metadata.
    $sets = @($Help.Sets)
    if ($sets.Count -eq 0) { $sets = @('(All)') }
    if ($Help.DefaultSet) { $sets = @($Help.DefaultSet) + @($sets | Where-Object { $_ -ne $Help.DefaultSet }) }
    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $Help.Name)
        # Positional parameters first, by position, as Get-Command -Syntax shows them; the rest in page order.
        $inSet = foreach ($p in $Help.Parameters) {
            $m = Get-SetMetadata $p $set
            if ($m) {
                $position = if ($m.Contains('position') -and $m['position'] -match '^\d+$') { [int]$m['position'] } else { [int]::MaxValue }
                [pscustomobject]@{ Parameter = $p; Metadata = $m; Position = $position }
            }
        }
        foreach ($entry in @($inSet) | Sort-Object -Stable Position) { Write-Parameter $Writer $entry.Parameter $entry.Metadata $true }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($p in $Help.Parameters) {
        $m = if ($p.Metadata.Count) { $p.Metadata[0] } else { [ordered]@{} }
        Write-Parameter $Writer $p $m $false
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' $Help.Inputs
    Write-TypeList $Writer 'returnValues' 'returnValue' $Help.Outputs

    $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
    $Writer.WriteStartElement('maml', 'alert', $ns.maml)
    Write-Paras $Writer $Help.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($e in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $ns.command)
        $Writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($e.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $ns.dev, $e.Code)
        $Writer.WriteStartElement('dev', 'remarks', $ns.dev)
        Write-Paras $Writer $e.Remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($l in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $ns.maml, $l.Text)
        $Writer.WriteElementString('maml', 'uri', $ns.maml, $(if ($l.Uri -match '^https?://') { $l.Uri } else { '' }))
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Convert-AboutTopic {
    # about_ markdown to the plain text Get-Help shows: headings in capitals, code indented, the rest as written.
    param([string] $Path, [string] $OutFile)
    $text = [System.Text.StringBuilder]::new()
    $inFence = $false
    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
        if ($inFence) { [void]$text.AppendLine('    ' + $line); continue }
        if ($line -match '^#\s+(.*)$') { [void]$text.AppendLine('TOPIC').AppendLine('    ' + $Matches[1]); continue }
        if ($line -match '^#{2,}\s+(.*)$') { [void]$text.AppendLine($Matches[1].ToUpperInvariant()); continue }
        [void]$text.AppendLine(($line -replace '`', ''))
    }
    [System.IO.File]::WriteAllText($OutFile, $text.ToString(), [System.Text.UTF8Encoding]::new($false))
}

New-Item -ItemType Directory -Force -Path $Destination | Out-Null
$commandFiles = Get-ChildItem -LiteralPath $Source -Filter '*.md' | Where-Object Name -notlike 'about_*' | Sort-Object Name
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$mamlPath = Join-Path $Destination "$AssemblyFileName-Help.xml"
$writer = [System.Xml.XmlWriter]::Create($mamlPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($file in $commandFiles) { Write-Command $writer (Read-CommandMarkdown $file.FullName) }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

foreach ($about in Get-ChildItem -LiteralPath $Source -Filter 'about_*.md') {
    Convert-AboutTopic $about.FullName (Join-Path $Destination ($about.BaseName + '.help.txt'))
}
Write-Verbose "Wrote $mamlPath ($($commandFiles.Count) commands)"
