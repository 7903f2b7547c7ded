using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// Reads YAML (and JSON, which is YAML) as a flat stream of events before anything builds a tree of it: YamlDotNet's
/// parser is iterative, but its node model recurses once per level, and a stack overflow ends the process (PowerShell,
/// Revit) whatever catches it. A document nested deeper than <see cref="MaxDepth"/> is refused where it gets too deep.
/// </summary>
internal static class YamlDepthGuard
{
    /// <summary>The deepest nesting of mappings and sequences a RevitPerf file may have (its own need fewer than 5).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Where <paramref name="text"/> first nests deeper than <see cref="MaxDepth"/>, or null when it never does. A
    /// syntax error ends the scan (null): the real parse reports it with its place.
    /// </summary>
    public static Mark? FindTooDeep(string text)
    {
        var parser = new Parser(new StringReader(text ?? string.Empty));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            return parser.Current.Start;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The message of a document that nests too deeply.</summary>
    public static string Describe(Mark mark) =>
        $"the document nests deeper than {MaxDepth} levels (at line {mark.Line}, column {mark.Column}); no RevitPerf file needs that many";
}
