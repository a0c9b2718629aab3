using Delivery.Manifests.Codes;
using Delivery.Manifests.Fonts;
using Delivery.Manifests.Model;
using Delivery.Manifests.Samples;
using Delivery.Manifests.Tests.Support;

namespace Delivery.Manifests.Tests;

/// <summary>Reads rendered manifests back with poppler-utils and ZXing.Net: the paper must carry the route.</summary>
public sealed partial class ManifestRendererTests
{
    private readonly ManifestRenderer _renderer = new(new ManifestOptions());

    [Fact]
    public void RenderRoute_TwelveStops_TextHasEveryStopWindowPhoneAndItemInDrivingOrder()
    {
        var route = SampleRoutes.Route(12);
        using var pdf = new Poppler(_renderer.RenderRoute(route));
        var text = pdf.LayoutText();

        var position = 0;
        foreach (var stop in route.Stops)
        {
            var start = text.IndexOf(stop.OrderId, position, StringComparison.Ordinal);
            Assert.True(start >= 0, $"stop {stop.Sequence}: order id {stop.OrderId} missing or out of order");
            var end = stop.Sequence < route.Stops.Count ? text.IndexOf(route.Stops[stop.Sequence].OrderId, start, StringComparison.Ordinal) : text.Length;
            var block = text[start..end];
            var localStart = TimeZoneInfo.ConvertTime(stop.WindowStart!.Value, route.TimeZone);
            var localEnd = TimeZoneInfo.ConvertTime(stop.WindowEnd!.Value, route.TimeZone);
            Assert.Contains($"{localStart:HH:mm}–{localEnd:HH:mm}", block);
            Assert.Contains(stop.CustomerName, block);
            Assert.Contains(stop.Phone!, block);
            Assert.Contains(new StopCode(route.RouteId, route.PlanVersion, stop.Sequence).ToString(), block);
            var itemPosition = 0;
            foreach (var item in stop.Items)
            {
                var at = block.IndexOf(item.Name, itemPosition, StringComparison.Ordinal);
                Assert.True(at >= 0, $"stop {stop.Sequence}: item '{item.Name}' missing or out of order");
                itemPosition = at + item.Name.Length;
            }
            position = start + 1;
        }
    }

    [Fact]
    public void RenderRoute_DepotInBerlin_TimesShownInDepotZone()
    {
        var text = TextOf(SampleRoutes.Route(1)); // departs 07:00 UTC, first arrival 07:12 UTC, window 07:00–09:00 UTC
        Assert.Contains("08:00 (Europe/Berlin)", text);
        Assert.Contains("08:00–10:00", text);
        Assert.Contains("08:12", text);
        Assert.DoesNotContain("07:00–09:00", text);
    }

    [Fact]
    public void RenderRoute_CyrillicNamesAndAddresses_AppearInExtractedText()
    {
        var text = TextOf(SampleRoutes.Route(6));
        Assert.Contains("Дмитрий Попов 3", text);
        Assert.Contains("Иван Петров", text);
        Assert.Contains("Ребёнок спит", text);
        Assert.Contains("Гречка 900 г", text);
    }

    [Fact]
    public void RenderRoute_Fonts_DejaVuRegularAndBoldEmbeddedWithUnicodeMaps()
    {
        using var pdf = new Poppler(_renderer.RenderRoute(SampleRoutes.Route(2)));

        var fonts = pdf.Fonts();

        Assert.Equal(2, fonts.Count);
        Assert.Contains(fonts, f => f[0].EndsWith("+DejaVu", StringComparison.Ordinal) && f[1] == "Sans,Bold");
        // Columns from the end: object id, generation, uni, sub, emb.
        Assert.All(fonts, f => Assert.Equal(("yes", "yes", "yes"), (f[^5], f[^4], f[^3])));
    }

    [Fact]
    public void RenderRoute_CoverPage_HasRouteFactsAndDispatcherPhone()
    {
        var cover = TextOf(SampleRoutes.Route(5)).Split('\f')[0];
        foreach (var expected in (string[])["North-07", "Ivan Petrov", "B-DL 1042", "Mon 30 Nov 2026", "Depot Mitte", "Stops", "21.0 km", "1.6 h",
            "Plan version", "2026-11-29 19:30", "+49 30 1234 5678", "Page 1 of"])
        {
            Assert.Contains(expected, cover);
        }
    }

    [Fact]
    public void RenderRoute_Rendered150Dpi_EveryQrCodeDecodesToItsStop()
    {
        var route = SampleRoutes.Route(10, routeId: 9000, planVersion: 7);
        using var pdf = new Poppler(_renderer.RenderRoute(route));

        var decoded = pdf.RenderGray(150).SelectMany(QrReader.DecodeAll).ToList();

        var expected = route.Stops.Select(s => new StopCode(route.RouteId, route.PlanVersion, s.Sequence).Compact).Order().ToList();
        Assert.Equal(expected, decoded.Order().ToList());
        foreach (var text in decoded)
        {
            var result = StopCode.Verify(text, route.RouteId, route.PlanVersion);
            Assert.True(result.IsValid, result.Reason);
            Assert.Equal(text, result.Code!.Value.Compact);
        }
    }

    [Fact]
    public void RenderPlan_ThreeRoutes_EachRouteNumbersItsOwnPages()
    {
        var routes = new[] { SampleRoutes.Route(4, 1, name: "A-01"), SampleRoutes.Route(9, 2, name: "B-02"), SampleRoutes.Route(2, 3, name: "C-03") };
        using var pdf = new Poppler(_renderer.RenderPlan(routes));
        var pages = pdf.LayoutText().Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();

        var firstPages = pages.Where(p => p.Contains("Page 1 of", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, firstPages.Count);
        Assert.Contains("A-01", firstPages[0]);
        Assert.Contains("B-02", firstPages[1]);
        Assert.Contains("C-03", firstPages[2]);
        foreach (var page in pages)
        {
            Assert.Single(routes, r => page.Contains(r.RouteName + " · plan", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RenderPlan_StartRoutesOnFrontSide_EveryCoverOnAnOddPage()
    {
        var routes = new[] { SampleRoutes.Route(4, 1, name: "A-01"), SampleRoutes.Route(9, 2, name: "B-02"), SampleRoutes.Route(2, 3, name: "C-03") };
        List<int> CoverPages(bool frontSide)
        {
            using var pdf = new Poppler(new ManifestRenderer(new ManifestOptions { StartRoutesOnFrontSide = frontSide }).RenderPlan(routes));
            return [.. pdf.Words().Where(p => p.Words.Any(w => w.Text == "Dispatcher:")).Select(p => p.Page)];
        }

        Assert.Contains(CoverPages(frontSide: false), page => page % 2 == 0); // padding is needed for this plan
        var covers = CoverPages(frontSide: true);
        Assert.Equal(3, covers.Count);
        Assert.All(covers, page => Assert.Equal(1, page % 2));
    }

    [Fact]
    public void RenderRoute_LetterPaper_PagesAreUsLetter()
    {
        var renderer = new ManifestRenderer(new ManifestOptions { PaperSize = PaperSize.Letter });
        using var pdf = new Poppler(renderer.RenderRoute(SampleRoutes.Route(3)));
        Assert.All(pdf.Words(), p => Assert.Equal((612, 792), (Math.Round(p.Width), Math.Round(p.Height))));
    }

    [Fact]
    public void Constructor_FontFolderWithoutDejaVu_ThrowsNamingThePackage()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-fonts-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<ManifestFontException>(() => new ManifestRenderer(new ManifestOptions { FontDirectory = missing }));

        Assert.Contains("fonts-dejavu-core", e.Message);
        Assert.Equal(Path.Combine(missing, "DejaVuSans.ttf"), e.FontPath);
    }

    [Fact]
    public void RenderRoute_NoStops_PrintsCoverOnly()
    {
        var route = SampleRoutes.Route(0);
        using var pdf = new Poppler(_renderer.RenderRoute(route));
        var pages = pdf.Words();
        Assert.Single(pages);
        Assert.Contains(pages[0].Words, w => w.Text == "North-07");
    }

    [Fact]
    public void RenderPlan_NoRoutes_ThrowsNamingTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => _renderer.RenderPlan(Array.Empty<ManifestRoute>()));
        Assert.Equal("routes", e.ParamName);
    }

    private string TextOf(ManifestRoute route)
    {
        using var pdf = new Poppler(_renderer.RenderRoute(route));
        return pdf.LayoutText();
    }
}
