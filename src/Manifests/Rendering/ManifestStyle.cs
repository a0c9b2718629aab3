using Delivery.Manifests.Fonts;
using Delivery.Manifests.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Delivery.Manifests.Rendering;

/// <summary>The fonts of a manifest (DejaVu Sans, Unicode-encoded so Cyrillic prints and extracts).</summary>
internal sealed class ManifestStyle
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public XFont Small { get; } = Font(7.5, bold: false);
    public XFont SmallBold { get; } = Font(7.5, bold: true);
    public XFont Body { get; } = Font(9, bold: false);
    public XFont BodyBold { get; } = Font(9, bold: true);
    public XFont Name { get; } = Font(11, bold: true);
    public XFont Heading { get; } = Font(13, bold: true);
    public XFont Title { get; } = Font(20, bold: true);
    public XFont Window { get; } = Font(15, bold: true);
    public XFont Sequence { get; } = Font(18, bold: true);
    public XFont Code { get; } = Font(9.5, bold: true);

    public TableStyle Table => new(SmallBold, Small, 2);

    public static XFont Font(double size, bool bold) =>
        new(DejaVuFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
}
