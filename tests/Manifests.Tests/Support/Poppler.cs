using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Delivery.Manifests.Tests.Support;

/// <summary>A word of extracted text with its box in points (top-left origin) and its 1-based page.</summary>
public sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax);

/// <summary>A page of extracted words with the page size in points.</summary>
public sealed record PdfPageWords(int Page, double Width, double Height, IReadOnlyList<PdfWord> Words);

/// <summary>Runs poppler-utils (pdftotext, pdftoppm) on a PDF written to a temporary folder.</summary>
public sealed partial class Poppler : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("manifest-test-").FullName;

    public Poppler(byte[] pdf)
    {
        PdfPath = Path.Combine(_dir, "manifest.pdf");
        File.WriteAllBytes(PdfPath, pdf);
    }

    public string PdfPath { get; }

    /// <summary>Text as <c>pdftotext -layout</c> extracts it; pages separated by form feeds.</summary>
    public string LayoutText() => Run("pdftotext", "-layout", PdfPath, "-");

    /// <summary>The font table as <c>pdffonts</c> prints it (name, type, encoding, emb, sub, uni, object).</summary>
    public IReadOnlyList<string[]> Fonts() =>
        [.. Run("pdffonts", PdfPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>Every word with its position, as <c>pdftotext -bbox</c> reports it.</summary>
    public IReadOnlyList<PdfPageWords> Words()
    {
        var html = Run("pdftotext", "-bbox", PdfPath, "-");
        var pages = new List<PdfPageWords>();
        foreach (Match page in PageRegex().Matches(html))
        {
            var number = pages.Count + 1;
            var words = WordRegex().Matches(page.Groups["body"].Value).Select(w => new PdfWord(
                number, WebUtility.HtmlDecode(w.Groups["t"].Value),
                D(w.Groups["x0"].Value), D(w.Groups["y0"].Value), D(w.Groups["x1"].Value), D(w.Groups["y1"].Value))).ToList();
            pages.Add(new PdfPageWords(number, D(page.Groups["w"].Value), D(page.Groups["h"].Value), words));
        }
        return pages;
    }

    /// <summary>Renders every page with <c>pdftoppm -r DPI -gray</c> and returns the grey images.</summary>
    public IReadOnlyList<PgmImage> RenderGray(int dpi)
    {
        var prefix = Path.Combine(_dir, "page");
        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", PdfPath, prefix);
        return [.. Directory.GetFiles(_dir, "page-*.pgm").Order(StringComparer.Ordinal).Select(PgmImage.Read)];
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed ({p.ExitCode}): {stderr}");
        return stdout.Result;
    }

    [GeneratedRegex("""<page width="(?<w>[\d.]+)" height="(?<h>[\d.]+)">(?<body>.*?)</page>""", RegexOptions.Singleline)]
    private static partial Regex PageRegex();

    [GeneratedRegex("""<word xMin="(?<x0>[\d.]+)" yMin="(?<y0>[\d.]+)" xMax="(?<x1>[\d.]+)" yMax="(?<y1>[\d.]+)">(?<t>[^<]*)</word>""")]
    private static partial Regex WordRegex();
}
