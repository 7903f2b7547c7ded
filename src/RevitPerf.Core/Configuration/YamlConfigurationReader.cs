using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RevitPerf.Core.Kernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RevitPerf.Core.Configuration;

/// <summary>
/// Reads a configuration file: top-level <c>optimization:</c> and <c>benchmark:</c> sections, the latter holding
/// <c>performance_targets:</c>, keys in RevitPy's snake_case names. Settings a file leaves out keep the values of
/// the base configuration (the defaults, unless another is given). Every problem is collected with its line and
/// column; if there is any, no configuration is returned, so a caller can never apply half a file.
/// </summary>
public static class YamlConfigurationReader
{
    // YamlDotNet prefixes its messages with the span; the problem carries the place separately.
    private static readonly Regex s_spanPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant);

    /// <summary>Reads <paramref name="path"/> (UTF-8). I/O failures are thrown as the usual I/O exceptions.</summary>
    public static ConfigurationReadResult ReadFile(string path, PerformanceConfiguration? baseConfiguration = null)
    {
        var text = File.ReadAllText(path ?? throw new ArgumentNullException(nameof(path)));
        var result = Read(text, path, baseConfiguration);
        if (result.Configuration is not null)
        {
            result.Configuration.Source = path;
        }

        return result;
    }

    /// <summary>Reads YAML <paramref name="text"/>; <paramref name="file"/> only names the place in problems.</summary>
    public static ConfigurationReadResult Read(string text, string? file, PerformanceConfiguration? baseConfiguration = null)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var reader = new Walker(file, (baseConfiguration ?? new PerformanceConfiguration()).Clone());
        reader.ReadDocument(text);
        return reader.Problems.Count == 0
            ? new ConfigurationReadResult(reader.Configuration, reader.Problems)
            : new ConfigurationReadResult(null, reader.Problems);
    }

    private sealed class Walker
    {
        private readonly string? _file;

        public Walker(string? file, PerformanceConfiguration configuration)
        {
            _file = file;
            Configuration = configuration;
        }

        public PerformanceConfiguration Configuration { get; }

        public List<ConfigurationProblem> Problems { get; } = new();

        public void ReadDocument(string text)
        {
            if (YamlDepthGuard.FindTooDeep(text) is { } deep)
            {
                Add(ConfigurationProblemKind.SyntaxError, deep, null, null, null, null, YamlDepthGuard.Describe(deep));
                return;
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                var detail = "malformed YAML: " + s_spanPrefix.Replace(ex.InnerException?.Message ?? ex.Message, string.Empty);
                Add(ConfigurationProblemKind.SyntaxError, ex.Start, null, null, null, null, detail);
                return;
            }

            if (stream.Documents.Count == 0)
            {
                return;
            }

            if (stream.Documents.Count > 1)
            {
                Add(ConfigurationProblemKind.SyntaxError, stream.Documents[1].RootNode.Start, null, null, null, null,
                    "a configuration file holds one YAML document; a second one starts here");
            }

            var root = stream.Documents[0].RootNode;
            if (IsNull(root))
            {
                return;
            }

            if (root is not YamlMappingNode mapping)
            {
                Add(ConfigurationProblemKind.InvalidType, root.Start, null, Describe(root), null, null,
                    "the file must be a mapping with 'optimization:' and 'benchmark:' sections");
                return;
            }

            var sectionKeys = new[] { ConfigurationSchema.OptimizationKey, ConfigurationSchema.BenchmarkKey };
            foreach (var entry in mapping.Children)
            {
                var key = KeyText(entry.Key, null);
                switch (key)
                {
                    case null:
                        break;
                    case ConfigurationSchema.OptimizationKey:
                        ReadSection(entry.Value, ConfigSection.Optimization);
                        break;
                    case ConfigurationSchema.BenchmarkKey:
                        ReadSection(entry.Value, ConfigSection.Benchmark);
                        break;
                    default:
                        Unknown(entry.Key, key, null, sectionKeys);
                        break;
                }
            }
        }

        private void ReadSection(YamlNode node, ConfigSection section)
        {
            var path = SettingDefinition.SectionPath(section);
            if (IsNull(node))
            {
                return;
            }

            if (node is not YamlMappingNode mapping)
            {
                Add(ConfigurationProblemKind.InvalidType, node.Start, path, Describe(node), "a mapping of settings", null,
                    $"'{path}' must be a mapping of settings; got {Describe(node)}");
                return;
            }

            var keys = ConfigurationSchema.InSection(section).Select(s => s.Key).ToList();
            if (section == ConfigSection.Benchmark)
            {
                keys.Add(ConfigurationSchema.PerformanceTargetsKey);
            }

            foreach (var entry in mapping.Children)
            {
                var key = KeyText(entry.Key, path);
                if (key is null)
                {
                    continue;
                }

                if (section == ConfigSection.Benchmark && key == ConfigurationSchema.PerformanceTargetsKey)
                {
                    ReadSection(entry.Value, ConfigSection.PerformanceTargets);
                    continue;
                }

                var setting = ConfigurationSchema.FindByKey(section, key);
                if (setting is null)
                {
                    Unknown(entry.Key, key, path, keys);
                }
                else
                {
                    ReadValue(setting, entry.Value);
                }
            }
        }

        private void ReadValue(SettingDefinition setting, YamlNode node)
        {
            if (node is not YamlScalarNode scalar)
            {
                Add(ConfigurationProblemKind.InvalidType, node.Start, setting.Path, Describe(node), setting.AllowedValues, null,
                    $"'{setting.Path}' must be {setting.AllowedValues}; got {Describe(node)}");
                return;
            }

            var text = scalar.Value ?? string.Empty;
            var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
            if (!scalar.Tag.IsEmpty && !TagFits(setting, scalar.Tag.Value))
            {
                // An explicit tag says what the value is: !!str 5 is the text "5", and an unknown tag is nothing we know.
                Add(ConfigurationProblemKind.InvalidType, node.Start, setting.Path, text, setting.AllowedValues, null,
                    $"'{setting.Path}' must be {setting.AllowedValues}; got {text} tagged {scalar.Tag.Value}");
                return;
            }

            if (!setting.TryParseYaml(text, plain, out var value))
            {
                Add(ConfigurationProblemKind.InvalidType, node.Start, setting.Path, text, setting.AllowedValues, null,
                    $"'{setting.Path}' must be {setting.AllowedValues}; got {Describe(node)}");
                return;
            }

            var reason = setting.Check(value);
            if (reason is not null)
            {
                var shown = setting.Display(value) == SettingDefinition.Show(value) ? text : setting.Display(value);
                Add(ConfigurationProblemKind.OutOfRange, node.Start, setting.Path, shown, setting.AllowedValues, null,
                    $"'{setting.Path}' must be {setting.AllowedValues}; got {shown} ({reason})");
                return;
            }

            setting.SetValue(Configuration, value);
        }

        // The YAML core schema's tags that may stand on a setting's value; a non-specific "!" leaves it to the text.
        private static bool TagFits(SettingDefinition setting, string tag)
        {
            const string core = "tag:yaml.org,2002:";
            var type = Nullable.GetUnderlyingType(setting.ValueType) ?? setting.ValueType;
            return tag == "!"
                || (tag == core + "int" && (type == typeof(int) || type == typeof(double)))
                || (tag == core + "float" && type == typeof(double))
                || (tag == core + "bool" && type == typeof(bool))
                || (tag == core + "str" && type == typeof(string))
                || (tag == core + "null" && setting.DefaultValue is null);
        }

        private string? KeyText(YamlNode key, string? path)
        {
            if (key is YamlScalarNode { Value: not null } scalar)
            {
                return scalar.Value;
            }

            Add(ConfigurationProblemKind.InvalidType, key.Start, path, Describe(key), null, null,
                $"keys must be plain names; got {Describe(key)}" + (path is null ? string.Empty : $" in '{path}'"));
            return null;
        }

        private void Unknown(YamlNode keyNode, string key, string? sectionPath, IEnumerable<string> validKeys)
        {
            var where = sectionPath is null ? "at the top level" : $"in '{sectionPath}'";
            var near = KeySuggester.Suggest(key, validKeys);
            string? suggestion = null;
            string hint;
            if (near is not null)
            {
                suggestion = sectionPath is null ? near : sectionPath + "." + near;
                hint = $" Did you mean '{near}'?";
            }
            else if (ConfigurationSchema.All.FirstOrDefault(s => s.Key == key) is { } elsewhere)
            {
                // The right key in the wrong section: say where it belongs.
                suggestion = elsewhere.Path;
                hint = $" It belongs in '{SettingDefinition.SectionPath(elsewhere.Section)}'.";
            }
            else
            {
                hint = " Valid keys: " + string.Join(", ", validKeys) + ".";
            }

            var fullKey = sectionPath is null ? key : sectionPath + "." + key;
            Add(ConfigurationProblemKind.UnknownKey, keyNode.Start, fullKey, key, null, suggestion,
                $"unknown key '{key}' {where}." + hint);
        }

        private void Add(
            ConfigurationProblemKind kind, Mark mark, string? key, string? value, string? allowed, string? suggestion, string detail) =>
            Problems.Add(new ConfigurationProblem(
                kind, _file, (int)mark.Line, (int)mark.Column, key, value, allowed, suggestion, detail));

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
            && (string.IsNullOrEmpty(scalar.Value) || scalar.Value == "~" || scalar.Value == "null");

        private static string Describe(YamlNode node) => node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s when IsNull(s) => "no value (null)",
            YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s => s.Value ?? string.Empty,
            YamlScalarNode s => "the text \"" + s.Value + "\"",
            _ => node.NodeType.ToString(),
        };
    }
}
