using System.Globalization;

namespace Delivery.Benchmarks;

/// <summary>Minimal "--name value" option reading for verbs.</summary>
public sealed class Options(string[] args)
{
    /// <summary>Arguments that are not options or option values.</summary>
    public IReadOnlyList<string> Positional { get; } = Parse(args).positional;

    private readonly Dictionary<string, string> _named = Parse(args).named;

    /// <summary>The value of <c>--name</c>, or null.</summary>
    public string? Get(string name) => _named.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value of <c>--name</c> as a number, or <paramref name="fallback"/>.</summary>
    public double GetDouble(string name, double fallback) =>
        Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The value of <c>--name</c> as an integer, or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback) =>
        Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>True when <c>--name</c> was given (with or without value).</summary>
    public bool Has(string name) => _named.ContainsKey(name);

    private static (List<string> positional, Dictionary<string, string> named) Parse(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var key = args[i][2..];
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    named[key] = args[++i];
                }
                else
                {
                    named[key] = "true";
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        return (positional, named);
    }
}
