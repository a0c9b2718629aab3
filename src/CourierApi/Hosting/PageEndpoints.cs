using Microsoft.Net.Http.Headers;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// The web pages built by ClientApp (Vite) into wwwroot: hashed assets are cached for a year, each page's index.html
/// is never cached and answers every path under the page (client-side routes). The pages sign in through the API;
/// the HTML itself is public, the data behind it is not.
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
    ];

    public static IApplicationBuilder UseDeliveryStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache";
        },
    });

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
}
