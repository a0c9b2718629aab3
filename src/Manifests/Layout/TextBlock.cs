using System.Text;
using PdfSharp.Drawing;

namespace Delivery.Manifests.Layout;

/// <summary>A run of text in one font.</summary>
internal readonly record struct Span(string Text, XFont Font);

/// <summary>
/// Rich text that wraps at word boundaries by measuring; a word wider than the line is broken between characters,
/// so nothing ever runs past the right edge.
/// </summary>
internal sealed class TextBlock(IReadOnlyList<Span> spans, XStringAlignment alignment = XStringAlignment.Near) : Block
{
    private readonly List<Line> _lines = [];
    private double _width;

    public TextBlock(string text, XFont font, XStringAlignment alignment = XStringAlignment.Near)
        : this([new Span(text, font)], alignment)
    {
    }

    private readonly record struct Piece(string Text, XFont Font, double X, bool SpaceBefore);

    private sealed record Line(List<Piece> Pieces, double Width, double Height, double Ascent);

    public override double Measure(TextMeasurer measurer, double width)
    {
        _width = width;
        _lines.Clear();
        var words = new List<(string Text, XFont Font, bool SpaceBefore)>();
        var pendingSpace = false;
        foreach (var span in spans)
        {
            var paragraphs = span.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\t', ' ').Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    words.Add(("\n", span.Font, false));
                    pendingSpace = false;
                }
                var text = paragraphs[p];
                pendingSpace |= text.StartsWith(' ');
                foreach (var w in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add((w, span.Font, pendingSpace));
                    pendingSpace = true;
                }
                pendingSpace = text.Length > 0 ? text.EndsWith(' ') : pendingSpace;
            }
        }
        var line = new List<Piece>();
        double x = 0;
        XFont? lastFont = null;
        foreach (var (text, font, spaceBefore) in words)
        {
            if (text == "\n")
            {
                Flush(line, x, lastFont ?? font);
                line = [];
                x = 0;
                continue;
            }
            lastFont = font;
            var space = line.Count > 0 && spaceBefore ? measurer.Width(" ", font) : 0;
            var w = measurer.Width(text, font);
            if (x + space + w > width && line.Count > 0)
            {
                Flush(line, x, font);
                line = [];
                x = 0;
                space = 0;
            }
            if (w <= width)
            {
                line.Add(new Piece(text, font, x + space, space > 0));
                x += space + w;
                continue;
            }
            foreach (var chunk in BreakLongWord(measurer, text, font, width))
            {
                var cw = measurer.Width(chunk, font);
                if (x > 0 && x + space + cw > width)
                {
                    Flush(line, x, font);
                    line = [];
                    x = 0;
                    space = 0;
                }
                line.Add(new Piece(chunk, font, x + space, space > 0));
                x += space + cw;
                space = 0;
            }
        }
        if (line.Count > 0 || _lines.Count == 0)
        {
            Flush(line, x, lastFont ?? spans[0].Font);
        }
        return _lines.Sum(l => l.Height);
    }

    public override void Draw(XGraphics g, double x, double y)
    {
        foreach (var line in _lines)
        {
            var offset = alignment switch
            {
                XStringAlignment.Far => _width - line.Width,
                XStringAlignment.Center => (_width - line.Width) / 2,
                _ => 0,
            };
            // Consecutive pieces in one font are drawn as one string: fewer PDF operators, cleaner text extraction.
            var i = 0;
            while (i < line.Pieces.Count)
            {
                var start = line.Pieces[i];
                var sb = new StringBuilder(start.Text);
                var j = i + 1;
                for (; j < line.Pieces.Count && ReferenceEquals(line.Pieces[j].Font, start.Font) && line.Pieces[j].SpaceBefore; j++)
                {
                    sb.Append(' ').Append(line.Pieces[j].Text);
                }
                g.DrawString(sb.ToString(), start.Font, XBrushes.Black, x + offset + start.X, y + line.Ascent, XStringFormats.BaseLineLeft);
                i = j;
            }
            y += line.Height;
        }
    }

    private void Flush(List<Piece> pieces, double width, XFont fallback)
    {
        var font = pieces.Count > 0 ? pieces.MaxBy(p => p.Font.Size)!.Font : fallback;
        _lines.Add(new Line(pieces, width, font.GetHeight() * 1.08, font.Size * 0.93));
    }

    private static IEnumerable<string> BreakLongWord(TextMeasurer measurer, string word, XFont font, double width)
    {
        var start = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            if (end - start > 1 && measurer.Width(word[start..end], font) > width)
            {
                yield return word[start..(end - 1)];
                start = end - 1;
            }
        }
        yield return word[start..];
    }
}
