using Delivery.Manifests.Samples;
using Delivery.Manifests.Tests.Support;

namespace Delivery.Manifests.Tests;

/// <summary>Labels come from the language catalogues; dates and money follow the language.</summary>
public sealed partial class ManifestRendererTests
{
    [Fact]
    public void RenderRoute_Russian_LabelsDatesAndPagesInRussian()
    {
        var route = SampleRoutes.Route(3) with { Language = "ru-RU" };
        var text = TextOf(route);
        foreach (var expected in (string[])["Маршрутный лист", "Курьер", "Транспорт", "Версия плана", "Остановки кратко", "ОБЕЩАННОЕ ОКНО",
            "Доставлено", "Подпись:", "Стр. 1 из", "пн 30 нояб. 2026"])
        {
            Assert.Contains(expected, text);
        }
        Assert.DoesNotContain("Route manifest", text);
        Assert.DoesNotContain("Signature", text);
    }

    [Fact]
    public void ManifestCatalogue_EveryLanguage_HasEveryEnglishLabel()
    {
        Assert.Equal(["en", "ru", "uk"], ManifestCatalogue.Languages);
        var english = typeof(ManifestCatalogue).Assembly.GetManifestResourceStream("Delivery.Manifests.Catalogues.en.json")!;
        using var json = System.Text.Json.JsonDocument.Parse(english);
        foreach (var language in ManifestCatalogue.Languages)
        {
            var catalogue = ManifestCatalogue.For(language);
            using var own = System.Text.Json.JsonDocument.Parse(typeof(ManifestCatalogue).Assembly.GetManifestResourceStream($"Delivery.Manifests.Catalogues.{language}.json")!);
            var keys = own.RootElement.GetProperty("manifest").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(json.RootElement.GetProperty("manifest").EnumerateObject(), p => Assert.Contains(p.Name, keys));
            Assert.NotEmpty(catalogue["title"]);
        }
    }

    [Fact]
    public void ManifestRoute_LanguageWithoutCatalogue_ThrowsNamingTheLanguages()
    {
        var ex = Assert.Throws<ArgumentException>(() => SampleRoutes.Route(1) with { Language = "xx" });
        Assert.Contains("en, ru, uk", ex.Message);
    }
}
