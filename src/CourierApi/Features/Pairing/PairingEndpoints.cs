using System.Threading.RateLimiting;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using FluentValidation;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Delivery.CourierApi.Features.Pairing;

/// <summary>A request for a pairing code; the device gets this name unless it names itself when pairing.</summary>
public sealed record CreatePairingCodeRequest(string? DeviceName = null);

/// <summary>A one-use pairing code for a courier's tablet.</summary>
/// <param name="Code">8 characters, no look-alikes; the courier may type it in any case, with or without a dash.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
/// <param name="PairingUrl">The courier app's pairing page with the code, what the QR code holds.</param>
/// <param name="QrSvg">The pairing URL as a QR code, an SVG document.</param>
public sealed record PairingCodeResponse(long CourierId, string Code, DateTimeOffset ExpiresAt, string PairingUrl, string QrSvg);

/// <summary>What a tablet sends to pair.</summary>
public sealed record PairDeviceRequest(string Code, string? DeviceName = null);

/// <summary>A courier's device (token never shown again after pairing).</summary>
/// <param name="LastSeenAt">The last request or hub connection with the token (recorded at most once a minute).</param>
/// <param name="ExpiresAt">When the token stops working; null: never.</param>
public sealed record DeviceView(long DeviceId, long CourierId, string Name, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastSeenAt,
    DateTimeOffset? ExpiresAt = null);

internal sealed class CreatePairingCodeRequestValidator : AbstractValidator<CreatePairingCodeRequest>
{
    public CreatePairingCodeRequestValidator() => RuleFor(r => r.DeviceName).MaximumLength(100);
}

internal sealed class PairDeviceRequestValidator : AbstractValidator<PairDeviceRequest>
{
    public PairDeviceRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().Must(c => PairingStore.Normalize(c ?? "").Length == PairingStore.Length)
            .WithMessage($"a pairing code has {PairingStore.Length} letters and digits");
        RuleFor(r => r.DeviceName).MaximumLength(100);
    }
}

/// <summary>Tablet pairing: the dispatcher issues a code (and QR), the tablet exchanges it for its device token.</summary>
internal static class PairingEndpoints
{
    public const string RateLimit = "pairing";
    public const string CourierPairPath = "/courier/pair";

    public static IServiceCollection AddPairing(this IServiceCollection services)
    {
        services.AddOptions<PairingOptions>().BindConfiguration(PairingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PairingStore>();
        // The anonymous exchange is the one place a stranger can guess codes: a few attempts per minute per address.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<PairingOptions>>().Value.AttemptsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        return services;
    }

    public static RouteGroupBuilder MapPairing(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Devices");
        group.MapPost("/couriers/{courierId:long}/pairing-codes", CreateAsync).RequireAuthorization(Policies.Dispatcher)
            .Validate<CreatePairingCodeRequest>().ProducesProblem(StatusCodes.Status404NotFound).WithName("CreatePairingCode")
            .WithSummary("Issues a one-use pairing code (and a QR code of the pairing URL) for a courier's tablet; earlier unused codes stop working.");
        group.MapPost("/devices/pair", PairAsync).AllowAnonymous().RequireRateLimiting(RateLimit).Validate<PairDeviceRequest>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests).WithName("PairDevice")
            .WithSummary("Exchanges a pairing code for the device token the courier hub and /courier/route accept (anonymous, rate-limited).");
        group.MapGet("/couriers/{courierId:long}/devices", ListDevicesAsync).RequireAuthorization(Policies.Staff).WithName("ListCourierDevices")
            .WithSummary("A courier's devices, revoked ones included (revoke with DELETE /api/v1/devices/{deviceId}).");
        return group;
    }

    internal static async Task<Created<PairingCodeResponse>> CreateAsync(
        long courierId, CreatePairingCodeRequest? request, HttpContext http, PairingStore store, IOptions<PairingOptions> options, CancellationToken ct)
    {
        var (code, expires) = await store.CreateAsync(courierId, request?.DeviceName is { Length: > 0 } n ? n.Trim() : "tablet",
            http.User.Identity?.Name ?? "", ct);
        var baseUrl = options.Value.PublicBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var url = $"{baseUrl}{CourierPairPath}?code={code}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return TypedResults.Created($"/api/v1/couriers/{courierId}/devices", new PairingCodeResponse(courierId, code, expires, url, svg));
    }

    internal static async Task<Ok<DeviceTokenResponse>> PairAsync(PairDeviceRequest request, PairingStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.PairAsync(request.Code, request.DeviceName, ct));

    internal static async Task<Ok<List<DeviceView>>> ListDevicesAsync(long courierId, FleetStore fleet, CancellationToken ct) =>
        TypedResults.Ok(await fleet.ListDevicesAsync(courierId, ct));
}
