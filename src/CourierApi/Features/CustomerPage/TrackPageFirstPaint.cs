using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Delivery.Tracking;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// <c>GET /t/{token}</c>: the customer's page with its answer already in the HTML. On a slow phone line every round trip
/// costs more than half a second (Chrome's "Slow 4G" adds 562.5 ms to each request), and a page that must first fetch its
/// script and then its data shows nothing for three of them. So the host writes the phase, the ETA range and the window
/// into the page in the customer's language (from the same catalogue as the page, <c>ClientApp/shared/i18n/messages/*/track.json</c>),
/// with the page's data beside it as JSON the script starts from without a request; the script then takes over (live
/// updates, map, options, rating). An unknown token gets the same page with the same words as any unknown one (404),
/// an expired one "link expired" (410).
/// </summary>
internal sealed class TrackPageFirstPaint(IWebHostEnvironment environment, IOptions<JsonOptions> json)
{
    private const string Root = "<div id=\"root\"></div>";
    private static readonly string[] Languages = ["en", "ru"];
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Catalogues = new(LoadCatalogues);
    private string? _shell;

    /// <summary>The API's own JSON settings, so the page reads the same body <c>/page</c> answers.</summary>
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public static IEndpointRouteBuilder MapTrackPage(IEndpointRouteBuilder app)
    {
        app.MapGet("/t/{token}", RenderAsync).AllowAnonymous().RequireRateLimiting(CustomerPageSetup.RateLimit).ExcludeFromDescription();
        return app;
    }

    internal static async Task<IResult> RenderAsync(string token, HttpContext http, TrackPageFirstPaint paint, TrackingLink link,
        CustomerPageStore store, IOptions<CustomerPageOptions> options, IOptions<TrackingOptions> tracking, CancellationToken ct)
    {
        var shell = paint.Shell();
        if (shell is null)
        {
            return Results.Problem(title: "Page not built", detail: "The customer page's files are missing from wwwroot (build ClientApp).",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var language = Language(http.Request);
        int status;
        TrackingPageResponse? page = null;
        try
        {
            var order = await link.ResolveAsync(token, ct);
            page = await CustomerPageEndpoints.BuildAsync(order, link, store, options.Value, tracking.Value, ct);
            status = StatusCodes.Status200OK;
        }
        catch (UnknownLinkException)
        {
            status = StatusCodes.Status404NotFound;
        }
        catch (LinkExpiredException)
        {
            status = StatusCodes.Status410Gone;
        }
        var state = JsonSerializer.Serialize(new FirstPaintState(status, page), paint.Json).Replace("<", "\\u003c", StringComparison.Ordinal);
        var html = shell
            .Replace("<html lang=\"en\">", $"<html lang=\"{language}\">", StringComparison.Ordinal)
            .Replace(Root, $"<div id=\"root\">{Summary(status, page, language)}</div><script id=\"track-state\" type=\"application/json\">{state}</script>",
                StringComparison.Ordinal);
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        http.Response.Headers[HeaderNames.Vary] = HeaderNames.AcceptLanguage;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The page's built index.html, read once.</summary>
    private string? Shell()
    {
        if (_shell is not null)
        {
            return _shell;
        }
        var file = environment.WebRootFileProvider.GetFileInfo("track/index.html");
        if (!file.Exists)
        {
            return null;
        }
        using var reader = new StreamReader(file.CreateReadStream());
        var text = reader.ReadToEnd();
        return text.Contains(Root, StringComparison.Ordinal) ? _shell = text : null;
    }

    /// <summary>Russian when the browser prefers it (Ukrainian and Belarusian readers get Russian rather than English), else English.</summary>
    internal static string Language(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value ?? "").FirstOrDefault() ?? "";
        return preferred.StartsWith("ru", StringComparison.OrdinalIgnoreCase) || preferred.StartsWith("uk", StringComparison.OrdinalIgnoreCase)
            || preferred.StartsWith("be", StringComparison.OrdinalIgnoreCase) ? "ru" : "en";
    }

    /// <summary>The status card's first lines: phase, the ETA range, the window (or why there is nothing to show).</summary>
    internal static string Summary(int status, TrackingPageResponse? page, string language)
    {
        var t = Catalogues.Value[language];
        var html = new StringBuilder("<main style=\"max-width:36rem;margin:0 auto;padding:16px;font:16px/1.5 system-ui,sans-serif\">");
        if (page is null)
        {
            var key = status == StatusCodes.Status410Gone ? "expired" : "unknown";
            html.Append("<h1 style=\"font-size:1.25rem\">").Append(Text(t, key, "title")).Append("</h1><p>").Append(Text(t, key, "body")).Append("</p>");
            return html.Append("</main>").ToString();
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(page.TimeZone);
        html.Append("<p style=\"margin:0;color:#555\">").Append(Text(t, "title")).Append("</p>")
            .Append("<h2 id=\"phase\" style=\"font-size:1.5rem;margin:4px 0 12px\">").Append(Text(t, "phase", page.Phase)).Append("</h2>");
        if (page is { EtaFrom: { } from, EtaTo: { } to })
        {
            html.Append("<p data-testid=\"eta\">").Append(Text(t, "eta")).Append(" <strong>").Append(Time(from, zone)).Append('–').Append(Time(to, zone)).Append("</strong></p>");
        }
        html.Append("<p data-testid=\"window\">").Append(Text(t, "window")).Append(' ')
            .Append(page is { WindowStartUtc: { } start, WindowEndUtc: { } end } ? Time(start, zone) + "–" + Time(end, zone) : Text(t, "noWindow")).Append("</p>");
        return html.Append("</main>").ToString();
    }

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Text(JsonElement catalogue, params string[] path)
    {
        var node = catalogue;
        foreach (var key in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node))
            {
                return WebUtility.HtmlEncode(path[^1]);
            }
        }
        return WebUtility.HtmlEncode(node.GetString() ?? "");
    }

    private static IReadOnlyDictionary<string, JsonElement> LoadCatalogues()
    {
        var assembly = typeof(TrackPageFirstPaint).Assembly;
        return Languages.ToDictionary(l => l, l =>
        {
            using var stream = assembly.GetManifestResourceStream($"track.{l}.json")
                ?? throw new InvalidOperationException($"The customer page's catalogue track.{l}.json is not embedded in the host.");
            return JsonDocument.Parse(stream).RootElement.Clone();
        });
    }

    /// <summary>What the page's script starts from: the HTTP status the API would answer and, when 200, the page's data.</summary>
    private sealed record FirstPaintState(int Status, TrackingPageResponse? Page);
}
