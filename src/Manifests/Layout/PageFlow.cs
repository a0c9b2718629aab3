using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Delivery.Manifests.Layout;

/// <summary>
/// Pours blocks down pages: a block that does not fit starts a new page (blocks never split), tables break between
/// rows with their header repeated, and each section's pages get a running head and a "page X of Y" footer.
/// </summary>
internal sealed class PageFlow(PdfDocument document, XSize pageSize, double margin, TextMeasurer measurer, XFont footerFont)
{
    private const double FooterHeight = 16;
    private const double HeadGap = 8;
    private readonly List<PdfPage> _sectionPages = [];
    private XGraphics? _g;
    private double _y;
    private double _bottom;
    private bool _empty = true;
    private Block? _runningHead;
    private double _headHeight;

    /// <summary>Usable width between the side margins, points.</summary>
    public double Width => pageSize.Width - (2 * margin);

    /// <summary>Height of the body of an empty page after the cover (below the running head), points.</summary>
    public double PageBodyHeight => pageSize.Height - (2 * margin) - FooterHeight - _headHeight;

    /// <summary>Vertical space left on the current page, points (0 before the first page).</summary>
    public double Remaining => _g is null ? 0 : _bottom - _y;

    /// <summary>True when nothing has been placed on the current page yet.</summary>
    public bool AtPageTop => _empty;

    /// <summary>Adds a blank page when the document has an odd number of pages, so the next section starts on a front side.</summary>
    public void PadToFrontSide()
    {
        if (document.PageCount % 2 == 1)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(pageSize.Width);
            page.Height = XUnit.FromPoint(pageSize.Height);
        }
    }

    /// <summary>Starts a section (one route): numbering restarts and later pages carry <paramref name="runningHead"/>.</summary>
    public void BeginSection(Block? runningHead)
    {
        _runningHead = runningHead;
        _headHeight = runningHead is null ? 0 : runningHead.Measure(measurer, Width) + HeadGap;
        NewPage(withHead: false);
    }

    /// <summary>Starts a new page, with the running head unless <paramref name="withHead"/> is false.</summary>
    public void NewPage(bool withHead = true)
    {
        _g?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(pageSize.Width);
        page.Height = XUnit.FromPoint(pageSize.Height);
        _sectionPages.Add(page);
        _g = XGraphics.FromPdfPage(page);
        _y = margin;
        _bottom = pageSize.Height - margin - FooterHeight;
        _empty = true;
        if (withHead && _runningHead is not null)
        {
            var h = _runningHead.Measure(measurer, Width);
            _runningHead.Draw(_g, margin, _y);
            _y += h + HeadGap;
        }
    }

    /// <summary>Measures <paramref name="block"/> at the body width; returns its height.</summary>
    public double Measure(Block block) => block.Measure(measurer, Width);

    /// <summary>
    /// Places a block that must not split: on a new page when it does not fit what is left.
    /// Throws when it is taller than an empty page (callers split such content first).
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="gapAfter">Space left below it, points.</param>
    /// <param name="measured">Its height from <see cref="Measure"/> at the body width, when already known.</param>
    public void Place(Block block, double gapAfter = 0, double? measured = null)
    {
        var h = measured ?? Measure(block);
        if (h > Remaining && !_empty)
        {
            NewPage();
        }
        if (h > Remaining + 0.01)
        {
            throw new InvalidOperationException($"A block of {h:F0} pt does not fit an empty page ({Remaining:F0} pt).");
        }
        block.Draw(_g!, margin, _y);
        _y += h + gapAfter;
        _empty = false;
    }

    /// <summary>
    /// Places table rows, breaking between rows; after a break <paramref name="continued"/> (if any) and the header
    /// are drawn again. The header is never left alone at the bottom of a page.
    /// </summary>
    public void PlaceTable(Block header, IReadOnlyList<Block> rows, Block? continued = null, double gapAfter = 0)
    {
        var headerHeight = Measure(header);
        for (var i = 0; i < rows.Count; i++)
        {
            var h = Measure(rows[i]);
            var needed = h + (i == 0 ? headerHeight : 0);
            if (needed > Remaining && !_empty)
            {
                NewPage();
                if (continued is not null)
                {
                    Place(continued);
                }
                Place(header);
            }
            else if (i == 0)
            {
                Place(header);
            }
            Place(rows[i]);
        }
        _y += gapAfter;
    }

    /// <summary>Closes the section: writes "page X of Y" (<paramref name="pageLabel"/>) and <paramref name="footer"/> on each of its pages.</summary>
    public void EndSection(string footer, Func<int, int, string> pageLabel)
    {
        _g?.Dispose();
        _g = null;
        var count = _sectionPages.Count;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(_sectionPages[i], XGraphicsPdfPageOptions.Append);
            var top = pageSize.Height - margin - FooterHeight + 4;
            g.DrawLine(new XPen(XColors.Black, 0.4), margin, top, pageSize.Width - margin, top);
            var baseline = top + footerFont.Size + 3;
            g.DrawString(Fit(footer, Width - 70), footerFont, XBrushes.Black, margin, baseline, XStringFormats.BaseLineLeft);
            g.DrawString(pageLabel(i + 1, count), footerFont, XBrushes.Black, pageSize.Width - margin, baseline, XStringFormats.BaseLineRight);
        }
        _sectionPages.Clear();
    }

    private string Fit(string text, double width)
    {
        while (text.Length > 1 && measurer.Width(text, footerFont) > width)
        {
            text = text[..^2] + "…";
        }
        return text;
    }
}
