using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace Delivery.CourierApi.Tests.Hosting;

/// <summary>The built pages as the host serves them: scripts gzip-compressed for browsers that accept it.</summary>
public sealed partial class PageEndpointsTests : IAsyncLifetime
{
    private readonly DeliveryApiFactory _api = new();

    [Fact]
    public async Task Asset_AcceptsGzip_IsTheGzipCopyOfTheSameScript()
    {
        using var client = _api.CreateClient();
        var html = await client.GetStringAsync("/board");
        var script = EntryScript().Match(html).Groups[1].Value;
        Assert.StartsWith("/assets/", script);

        using var plain = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var raw = await plain.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        using var gzip = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, gzip.StatusCode);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", gzip.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", gzip.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", gzip.Headers.CacheControl?.ToString());
        var compressed = await gzip.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < raw.Length / 2, $"{compressed.Length} bytes gzip of {raw.Length}");
        await using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await unzip.CopyToAsync(copy);
        Assert.Equal(raw, copy.ToArray());
    }

    [Fact]
    public async Task Asset_GzipRefused_IsServedAsIs()
    {
        using var client = _api.CreateClient();
        var script = EntryScript().Match(await client.GetStringAsync("/board")).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip;q=0, identity");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"([^\"]+\\.js)\"")]
    private static partial Regex EntryScript();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
