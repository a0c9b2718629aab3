using Delivery.Manifests.Codes;
using Delivery.Manifests.Samples;
using Delivery.Manifests.Tests.Support;

namespace Delivery.Manifests.Tests;

public sealed partial class ManifestRendererTests
{
    private const double Margin = 36;

    [Fact]
    public void RenderRoute_120StopsWithVeryLongNotes_EveryWordInsideMarginsAndNoStopSplit()
    {
        var notes = string.Join(' ', Enumerable.Repeat(
            "Gate code 4711, third floor, the lift is broken — carry up the stairs; Подъезд со двора, домофон не работает, звонить заранее.", 13))
            + " Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces";
        Assert.True(notes.Length is > 1500 and <= 2000);
        var route = SampleRoutes.Route(120, notes: notes);

        using var pdf = new Poppler(_renderer.RenderRoute(route));
        var pages = pdf.Words();

        foreach (var page in pages)
        {
            foreach (var w in page.Words)
            {
                Assert.True(w.XMin >= Margin - 0.5 && w.XMax <= page.Width - Margin + 0.5 && w.YMin >= Margin - 0.5 && w.YMax <= page.Height - Margin + 0.5,
                    $"page {page.Page}: '{w.Text}' at ({w.XMin:F1},{w.YMin:F1})–({w.XMax:F1},{w.YMax:F1}) leaves the margins");
            }
        }
        // Each stop block runs from its "Arrive ≈" line to its "Signature:" line; on every page they must alternate.
        var seen = 0;
        foreach (var page in pages)
        {
            var marks = page.Words.Where(w => w.Text is "≈" or "Signature:").OrderBy(w => w.YMin).Select(w => w.Text).ToList();
            Assert.True(marks.Count % 2 == 0, $"page {page.Page}: a stop starts or ends on another page");
            for (var i = 0; i < marks.Count; i += 2)
            {
                Assert.Equal(("≈", "Signature:"), (marks[i], marks[i + 1]));
            }
            seen += marks.Count / 2;
        }
        Assert.Equal(120, seen);
        // And every stop's order id sits on the same page as its stop code.
        foreach (var stop in route.Stops)
        {
            var code = new StopCode(route.RouteId, route.PlanVersion, stop.Sequence).ToString();
            var words = pages.SelectMany(p => p.Words).ToList();
            var orderPage = Assert.Single(words, w => w.Text == stop.OrderId).Page;
            Assert.Equal(orderPage, Assert.Single(words, w => w.Text == code).Page);
        }
    }

    [Fact]
    public void RenderRoute_OrderTooLongForOnePage_ItemsBreakWithHeaderRepeated()
    {
        var route = SampleRoutes.Route(3, itemsPerStop: 90);
        using var pdf = new Poppler(_renderer.RenderRoute(route));
        var pages = pdf.Words();

        var headerPages = pages.Where(p => p.Words.Any(w => w.Text == "Refused")).Select(p => p.Page).ToList();
        Assert.True(headerPages.Count >= 4, $"expected the items header on several pages, got {headerPages.Count}");
        Assert.Contains(pages, p => p.Words.Any(w => w.Text == "(continued)"));
        Assert.All(pages.SelectMany(p => p.Words.Select(w => (p, w))), x =>
            Assert.True(x.w.YMax <= x.p.Height - Margin + 0.5, $"'{x.w.Text}' below the bottom margin on page {x.p.Page}"));
    }
}
