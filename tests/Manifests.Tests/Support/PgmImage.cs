using System.Text;

namespace Delivery.Manifests.Tests.Support;

/// <summary>An 8-bit grey image read from a binary PGM (P5) file, as <c>pdftoppm -gray</c> writes it.</summary>
public sealed class PgmImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = pixels;

    public static PgmImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos]) || bytes[pos] == '#')
            {
                if (bytes[pos] == '#')
                {
                    while (bytes[pos] != '\n')
                    {
                        pos++;
                    }
                }
                pos++;
            }
            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }
            return Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        Assert.Equal("P5", Token());
        var w = int.Parse(Token());
        var h = int.Parse(Token());
        Assert.Equal("255", Token());
        pos++; // the single whitespace after maxval
        return new PgmImage(w, h, bytes[pos..(pos + (w * h))]);
    }
}
