using System.Diagnostics;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>Text of a PDF through poppler's <c>pdftotext</c> (reading order kept with <c>-layout</c>).</summary>
internal static class Pdf
{
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Asserts each of <paramref name="parts"/> occurs in <paramref name="text"/>, in that order.</summary>
    public static void InOrder(string text, IEnumerable<string> parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' is missing after position {at}");
            at = next + part.Length;
        }
    }
}
