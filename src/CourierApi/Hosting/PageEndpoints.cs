using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// The web pages built by ClientApp (Vite) into wwwroot: hashed assets are cached for a year, each page's index.html
/// is never cached and answers every path under the page (client-side routes). The pages sign in through the API;
/// the HTML itself is public, the data behind it is not. The build writes a gzip copy beside each script and style
/// (<c>ClientApp/scripts/precompress.mjs</c>, the assets and the courier app's service worker): a browser that accepts gzip gets it, with no compression per request.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>Page path → its index.html in wwwroot. The courier app, customer tracking and insights pages slot in here.</summary>
    private static readonly (string Path, string File)[] Pages =
    [
        ("/board", "board/index.html"),
        ("/signin", "signin/index.html"),
        ("/courier", "courier/index.html"),
        ("/t", "track/index.html"),
        ("/board/users", "users/index.html"), // administrators: users, roles, depots (before /board/…: a literal segment wins)
        ("/insights", "insights/index.html"),
    ];

    public static IApplicationBuilder UseDeliveryStaticFiles(this IApplicationBuilder app)
    {
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        app.Use((context, next) =>
        {
            PreferGzip(context, files);
            return next(context);
        });
        return app.UseStaticFiles(StaticFiles());
    }

    /// <summary>An asset with a gzip copy is answered with the copy (Content-Encoding: gzip) when the request accepts gzip.</summary>
    private static void PreferGzip(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.HasValue
            || !Path.HasExtension(request.Path.Value) || !files.GetFileInfo(request.Path.Value + ".gz").Exists)
        {
            return;
        }
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (accepted.Any(e => (e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || e.Value.Equals("*", StringComparison.Ordinal)) && e.Quality is not 0))
        {
            request.Path = request.Path.Value + ".gz";
            context.Response.Headers.ContentEncoding = "gzip";
        }
    }

    private static StaticFileOptions StaticFiles() => new()
    {
        ContentTypeProvider = new PrecompressedContentTypes(),
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache";
        },
    };

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        foreach (var (path, file) in Pages)
        {
            app.MapFallbackToFile(path, file, NoCache()).AllowAnonymous();
            app.MapFallbackToFile(path + "/{*rest:nonfile}", file, NoCache()).AllowAnonymous();
        }
        return app;
    }

    private static StaticFileOptions NoCache() => new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
    };

    /// <summary>A gzip copy (<c>x.js.gz</c>) has the media type of what it holds (<c>x.js</c>).</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, [MaybeNullWhen(false)] out string contentType) =>
            _types.TryGetContentType(subpath.EndsWith(".gz", StringComparison.Ordinal) ? subpath[..^3] : subpath, out contentType);
    }
}
