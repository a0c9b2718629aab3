using Delivery.Manifests.Layout;
using QRCoder;

namespace Delivery.Manifests.Tests.Layout;

public sealed class QrBlockTests
{
    [Theory]
    [InlineData("0580-3013")]
    [InlineData("ZZZZ-ZZZZ-ZZZZ-ZZ")]
    public void Rectangles_AnyCode_CoverExactlyTheDarkModulesOnce(string payload)
    {
        var matrix = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.Q).ModuleMatrix;
        var covered = new int[matrix.Count, matrix.Count];

        var rects = QrBlock.Rectangles(matrix);

        foreach (var (row, col, rows, cols) in rects)
        {
            for (var r = row; r < row + rows; r++)
            {
                for (var c = col; c < col + cols; c++)
                {
                    covered[r, c]++;
                }
            }
        }
        for (var r = 0; r < matrix.Count; r++)
        {
            for (var c = 0; c < matrix.Count; c++)
            {
                Assert.Equal(matrix[r][c] ? 1 : 0, covered[r, c]);
            }
        }
        var runs = matrix.Sum(row => Enumerable.Range(0, row.Length).Count(c => row[c] && (c == 0 || !row[c - 1])));
        Assert.True(rects.Count < runs, $"{rects.Count} rectangles for {runs} runs");
    }
}
