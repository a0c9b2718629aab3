using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Delivery.Manifests;

/// <summary>
/// The manifest's labels per language, read from the embedded catalogues <c>Catalogues/{language}.json</c> (i18next's
/// shape: namespace <c>manifest</c>, <c>{{name}}</c> placeholders). A label missing from a catalogue falls back to English.
/// </summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class ManifestCatalogue
{
    /// <summary>The language used when none is asked for or the one asked for has no catalogue.</summary>
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, ManifestCatalogue> All = Load();

    private readonly FrozenDictionary<string, string> _labels;

    private ManifestCatalogue(string language, FrozenDictionary<string, string> labels)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language);
        _labels = labels;
    }

    /// <summary>Languages with a catalogue (two-letter codes: en, ru, uk).</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The two-letter language code.</summary>
    public string Language { get; }

    /// <summary>The culture dates, numbers and money are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// The catalogue for <paramref name="language"/> (a code such as <c>ru</c> or <c>ru-RU</c>, any case), or null when
    /// there is none.
    /// </summary>
    public static ManifestCatalogue? Find(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }
        var code = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.GetValueOrDefault(code);
    }

    /// <summary>The catalogue for <paramref name="language"/>, else English.</summary>
    public static ManifestCatalogue For(string? language) => Find(language) ?? All[DefaultLanguage];

    /// <summary>The label <paramref name="key"/> with its <c>{{name}}</c> placeholders filled from <paramref name="args"/>.</summary>
    public string this[string key, params (string Name, object Value)[] args]
    {
        get
        {
            var text = _labels.TryGetValue(key, out var own) ? own
                : All[DefaultLanguage]._labels.TryGetValue(key, out var english) ? english
                : throw new KeyNotFoundException($"The manifest catalogue has no label '{key}'.");
            foreach (var (name, value) in args)
            {
                text = text.Replace("{{" + name + "}}", Convert.ToString(value, Culture), StringComparison.Ordinal);
            }
            return text;
        }
    }

    private static FrozenDictionary<string, ManifestCatalogue> Load()
    {
        var assembly = typeof(ManifestCatalogue).Assembly;
        const string prefix = "Delivery.Manifests.Catalogues.";
        var catalogues = new Dictionary<string, ManifestCatalogue>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var language = name[prefix.Length..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var json = JsonDocument.Parse(stream);
            var labels = json.RootElement.GetProperty("manifest").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            catalogues[language] = new ManifestCatalogue(language, labels);
        }
        return catalogues.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
