using Serilog.Events;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// What the request log says of a request: method, path, status, time — with the secret segment of a customer's
/// tracking path (<c>/t/{token}</c>, <c>/api/v1/tracking/{token}/…</c>) replaced by <c>***</c>, so a tracking token never
/// reaches the logs. Query strings (a hub's <c>access_token</c>) are not logged at all.
/// </summary>
internal static class RequestLogRedaction
{
    private static readonly string[] SecretPrefixes = ["/t/", "/api/v1/tracking/"];

    public static string Redact(string path)
    {
        foreach (var prefix in SecretPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length)
            {
                var slash = path.IndexOf('/', prefix.Length);
                return prefix + "***" + (slash >= 0 ? path[slash..] : "");
            }
        }
        return path;
    }

    /// <summary>
    /// Request logging with the redacted path, through this host's own Serilog logger (not the process-wide static one,
    /// which the last host started in a process would own).
    /// </summary>
    public static void Configure(Serilog.AspNetCore.RequestLoggingOptions options, IServiceProvider services)
    {
        options.GetMessageTemplateProperties = Properties;
        options.Logger = services.GetService<Serilog.ILogger>();
        options.GetLevel = Level;
    }

    /// <summary>
    /// Serilog's default levels (error for an exception or a 5xx, information otherwise), except a request its client
    /// went away from (a page navigated on, a tab closed): the cancellation that follows is not a server error.
    /// </summary>
    public static Serilog.Events.LogEventLevel Level(HttpContext http, double elapsedMs, Exception? exception) =>
        exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested ? Serilog.Events.LogEventLevel.Debug
        : exception is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information;

    /// <summary>The request log event's properties (Serilog's defaults, the path redacted).</summary>
    public static IEnumerable<LogEventProperty> Properties(HttpContext http, string path, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(http.Request.Method)),
        new("RequestPath", new ScalarValue(Redact(path))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];
}
