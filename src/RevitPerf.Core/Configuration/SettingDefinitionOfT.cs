using System;

namespace RevitPerf.Core.Configuration;

/// <summary>A setting whose value has the CLR type <typeparamref name="T"/>.</summary>
public abstract class SettingDefinition<T> : SettingDefinition
{
    private readonly Func<PerformanceConfiguration, T> _get;
    private readonly Action<PerformanceConfiguration, T> _set;

    private protected SettingDefinition(
        ConfigSection section,
        string key,
        string name,
        T defaultValue,
        string description,
        Func<PerformanceConfiguration, T> get,
        Action<PerformanceConfiguration, T> set)
        : base(section, key, name, description)
    {
        Default = defaultValue;
        _get = get;
        _set = set;
    }

    /// <summary>The typed default value.</summary>
    public T Default { get; }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <inheritdoc />
    public override object? DefaultValue => Default;

    /// <summary>Returns <paramref name="value"/> when it is allowed; otherwise throws <see cref="ConfigurationValueException"/>.</summary>
    public T Validate(T value)
    {
        var reason = Reason(value);
        return reason is null ? value : throw new ConfigurationValueException(this, Secret(value), Refusal(value, reason));
    }

    /// <inheritdoc />
    public override object? GetValue(PerformanceConfiguration configuration) =>
        _get(configuration ?? throw new ArgumentNullException(nameof(configuration)));

    /// <inheritdoc />
    public override void SetValue(PerformanceConfiguration configuration, object? value)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var early = ReasonBeforeConversion(value);
        if (early is not null)
        {
            throw new ConfigurationValueException(this, Secret(value), Refusal(value, early));
        }

        if (!TryConvert(value, out var typed))
        {
            throw new ConfigurationValueException(this, Secret(value), Refusal(value, "it is not " + AllowedValues));
        }

        // The section's property setter validates again; one rule, one place.
        _set(configuration, Validate(typed));
    }

    /// <inheritdoc />
    public override string? Check(object? value) =>
        ReasonBeforeConversion(value) ?? (TryConvert(value, out var typed) ? Reason(typed) : "it is not " + AllowedValues);

    /// <summary>Returns null when the value is allowed, otherwise why not.</summary>
    protected abstract string? Reason(T value);

    /// <summary>A reason to refuse a value that converting to <typeparamref name="T"/> would lose (e.g. too big for it).</summary>
    protected virtual string? ReasonBeforeConversion(object? value) => null;

    /// <summary>Converts a loosely typed value (from PowerShell or a parser) to <typeparamref name="T"/>.</summary>
    protected abstract bool TryConvert(object? value, out T typed);

    // The exception's Value becomes an error's target: a value that must not be shown is not carried either.
    private object? Secret(object? value) => Display(value) == Show(value) ? value : Display(value);

    private string Refusal(object? value, string reason) =>
        $"{Path} ({Name}) must be {AllowedValues}; {Display(value)} is not allowed: {reason}.";
}
