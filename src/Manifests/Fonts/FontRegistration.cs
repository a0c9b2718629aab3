using PdfSharp.Fonts;

namespace Delivery.Manifests.Fonts;

/// <summary>
/// Installs the DejaVu resolver into PDFsharp once per process.
/// </summary>
/// <remarks>
/// PDFsharp keeps its font resolver in a process-wide setting that may be set only once, before the first font is
/// used; this is the one place that touches it. The fonts are the same files for every caller, so the first
/// registered directory serves all renderers.
/// </remarks>
internal static class FontRegistration
{
    private static readonly Lock Gate = new();

    /// <summary>Loads the fonts from <paramref name="directory"/> (throwing if missing) and makes PDFsharp use them.</summary>
    public static void Ensure(string directory)
    {
        // Checked on every call, so a misconfigured renderer fails the same way whether or not fonts are installed.
        DejaVuFonts.CheckPresent(directory);
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFonts)
            {
                return;
            }
            GlobalFontSettings.FontResolver = new DejaVuFonts(directory);
        }
    }
}
