using System.Security.Claims;
using System.Text.Encodings.Web;
using Delivery.Planner.Travel;
using Delivery.Tracking;
using Delivery.Tracking.Arrival;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// The tracking host for the ingest benchmark: Kestrel on loopback with AddTracking/MapTracking, synthetic routes
/// (first stop 50 km out, so live state stays "heading to stop 1" for the whole run) and token authentication
/// (<c>courier:ID:DEVICE</c>, <c>dispatcher</c>).
/// </summary>
internal static class IngestBenchHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(string postgres, string redis, string prefix, bool backplane, IPublishedRouteSource routes)
    {
        // Content root in the output folder: the default (the working directory, the checkout) holds .data/, and the
        // configuration file watcher would wake on every PostgreSQL WAL write.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Delivery"] = postgres,
            ["ConnectionStrings:Redis"] = redis,
            ["Tracking:RedisKeyPrefix"] = prefix,
            ["Tracking:UseRedisBackplane"] = backplane ? "true" : "false",
        });
        builder.Services.AddSingleton(routes);
        builder.Services.AddSingleton<ITravelTimeSource>(new StraightLineTravelTimeSource(1.3, 30));
        builder.Services.AddAuthentication("Bench").AddScheme<AuthenticationSchemeOptions, BenchAuthHandler>("Bench", null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("Courier", p => p.RequireClaim("courier_id"))
            .AddPolicy("Dispatcher", p => p.RequireRole("dispatcher"));
        builder.Services.AddTracking(builder.Configuration);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTracking();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address));
    }

    /// <summary>Routes of <paramref name="couriers"/> couriers, 50 per depot, 5 stops each.</summary>
    public static SyntheticRoutes Routes(int couriers, DateOnly date, DateTimeOffset start) => new(couriers, date, start);

    internal sealed class SyntheticRoutes : IPublishedRouteSource
    {
        private readonly Dictionary<string, PublishedRoute> _byCourier = [];

        public SyntheticRoutes(int couriers, DateOnly date, DateTimeOffset start)
        {
            for (var c = 0; c < couriers; c++)
            {
                var depotLat = 52.0 + c % 50 * 0.01;
                var stops = Enumerable.Range(1, 5).Select(i =>
                {
                    var (lat, lon) = Geo.Offset(depotLat, 13.0, 50_000 + i * 2_000, 90);
                    return new PublishedStop($"s{c}-{i}", $"o{c}-{i}", i, lat, lon, start.AddHours(i), start.AddHours(i + 2), 180, StopStatus.Open,
                        [new OrderLine("1", 1, 10m)]);
                }).ToList();
                _byCourier["b" + c] = new PublishedRoute($"r{c}", 1, "b" + c, $"bd{c / 50}", date, depotLat, 13.0, start, stops);
            }
        }

        public IEnumerable<PublishedRoute> All => _byCourier.Values;

        public Task<PublishedRoute?> GetCourierRouteAsync(string courierId, DateOnly date, CancellationToken cancellationToken = default) =>
            Task.FromResult(_byCourier.GetValueOrDefault(courierId));

        public Task<string?> GetCourierTimeZoneAsync(string courierId, CancellationToken cancellationToken = default) =>
            Task.FromResult<string?>("UTC");

        public Task<PublishedRoute?> GetRouteAsync(string routeId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_byCourier.Values.FirstOrDefault(r => r.RouteId == routeId));

        public Task<TrackingTarget?> FindByTrackingTokenAsync(string token, CancellationToken cancellationToken = default) =>
            Task.FromResult(_byCourier.Values.FirstOrDefault(r => "tok-" + r.CourierId == token) is { } r
                ? new TrackingTarget(r.RouteId, r.Stops[0].StopId, r.CourierId, r.Date)
                : null);
    }

    private sealed class BenchAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var token = Request.Query["access_token"].ToString();
            var header = Request.Headers.Authorization.ToString();
            if (token.Length == 0 && header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                token = header[7..];
            }
            var claims = token.Split(':') switch
            {
                ["courier", var courier, var device] => new[] { new Claim("courier_id", courier), new Claim("device_id", device) },
                ["dispatcher"] => [new Claim(ClaimTypes.Role, "dispatcher")],
                _ => null,
            };
            return Task.FromResult(claims is null
                ? AuthenticateResult.NoResult()
                : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bench")), "Bench")));
        }
    }
}
