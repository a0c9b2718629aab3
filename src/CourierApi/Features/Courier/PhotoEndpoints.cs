using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>
/// Proof photos: the tablet uploads one per delivered, partly delivered or failed event once the event is acknowledged
/// (device token); dispatchers and analysts fetch an order's photo.
/// </summary>
internal static class PhotoEndpoints
{
    private static readonly string[] PhotoKinds = ["delivered", "partly_delivered", "failed"];

    public static IEndpointRouteBuilder MapCourierPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/courier").WithTags("Courier").RequireAuthorization(Policies.Courier)
            .MapPut("/events/{clientEventId}/photo", PutAsync)
            .Accepts<string>("image/jpeg", "image/png", "image/webp")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("PutEventPhoto")
            .WithSummary("Stores the proof photo of this device's delivered, partly delivered or failed event (the body is the image: JPEG, PNG or WebP, "
                + "by its bytes); 201 the first time, 200 for the same bytes again, 409 for other bytes.");
        app.MapGroup("/api/v1").WithTags("Orders").RequireAuthorization(Policies.Staff)
            .MapGet("/orders/{orderId:long}/photo", GetAsync)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOrderPhoto").WithSummary("The newest proof photo the courier's tablet took at this order's door.");
        return app;
    }

    internal static async Task<Results<Created<PhotoInfo>, Ok<PhotoInfo>>> PutAsync(
        string clientEventId, DateTimeOffset? takenAt, HttpRequest request, ClaimsPrincipal user, PhotoStore photos, IOptions<PhotoOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (takenAt > now.AddMinutes(o.ClockSkewMinutes))
        {
            throw new FieldException("takenAt", "lies in the future");
        }
        var deviceId = user.FindFirstValue(CourierDeviceDefaults.DeviceIdClaim)!;
        var e = clientEventId.Length > EventLimits.ClientEventIdLength ? null : await photos.EventAsync(EventLimits.TabletEventKey(deviceId, clientEventId), ct);
        if (e is null)
        {
            throw await photos.TabletEventExistsAsync(clientEventId, ct)
                ? new PhotoProblem(StatusCodes.Status403Forbidden, "Not your event", "clientEventId", "the event was sent by another device")
                : new PhotoProblem(StatusCodes.Status404NotFound, "Unknown event", "clientEventId", "no event of this device has this id (send the event first)");
        }
        if (!PhotoKinds.Contains(e.Kind))
        {
            throw new PhotoProblem(StatusCodes.Status409Conflict, "No photo for this event", "clientEventId",
                $"a photo goes with a delivered, partly delivered or failed event, not '{e.Kind}'");
        }
        var bytes = await ReadAtMostAsync(request, o.MaxBytes, ct)
            ?? throw new PhotoProblem(StatusCodes.Status413PayloadTooLarge, "Photo too large", "photo", $"at most {o.MaxBytes} bytes");
        if (bytes.Length == 0)
        {
            throw new FieldException("photo", "the body is empty: send the image");
        }
        var type = ImageType(bytes)
            ?? throw new PhotoProblem(StatusCodes.Status415UnsupportedMediaType, "Not an image", "photo", "the bytes are not a JPEG, PNG or WebP image");
        var (info, created) = await photos.SaveAsync(e, clientEventId, deviceId, type, bytes, takenAt ?? now, now, ct);
        return created ? TypedResults.Created((string?)null, info) : TypedResults.Ok(info);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(long orderId, PhotoStore photos, CancellationToken ct) =>
        await photos.LatestOfOrderAsync(orderId, ct) is { } p
            ? TypedResults.File(p.Bytes, p.ContentType, lastModified: p.StoredAt)
            : TypedResults.NotFound();

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes (read no further than that).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The image type by its magic bytes; null for anything else.</summary>
    internal static string? ImageType(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
