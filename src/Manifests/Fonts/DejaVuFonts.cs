using PdfSharp.Fonts;

namespace Delivery.Manifests.Fonts;

/// <summary>
/// DejaVu Sans regular and bold, read from disk once and handed to PDFsharp (which embeds the used glyphs).
/// DejaVu covers Latin and Cyrillic alike.
/// </summary>
internal sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    /// <summary>Reads both faces; throws <see cref="ManifestFontException"/> naming the package when one is missing.</summary>
    public DejaVuFonts(string directory)
    {
        Directory = directory;
        _regular = Read(Path.Combine(directory, RegularFace + ".ttf"));
        _bold = Read(Path.Combine(directory, BoldFace + ".ttf"));
    }

    public string Directory { get; }

    /// <summary>Throws <see cref="ManifestFontException"/> when either face is missing from <paramref name="directory"/>.</summary>
    public static void CheckPresent(string directory)
    {
        foreach (var face in (ReadOnlySpan<string>)[RegularFace, BoldFace])
        {
            var path = Path.Combine(directory, face + ".ttf");
            if (!File.Exists(path))
            {
                throw new ManifestFontException(path);
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        // Every family resolves to DejaVu: PDFsharp asks for its own defaults too, and a manifest has one typeface.
        new(isBold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => faceName == BoldFace ? _bold : _regular;

    private static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestFontException(path, e);
        }
    }
}
