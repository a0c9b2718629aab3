using System.Security.Cryptography;
using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>A stored proof photo's facts (not its bytes).</summary>
/// <param name="ClientEventId">The tablet's id of the event the photo goes with.</param>
/// <param name="ContentType">image/jpeg, image/png or image/webp, read from the bytes (not the request's header).</param>
/// <param name="SizeBytes">Size of the image.</param>
/// <param name="TakenAt">When the tablet took it.</param>
/// <param name="StoredAt">When the host stored it (the first upload; a repeat changes nothing).</param>
public sealed record PhotoInfo(string ClientEventId, string ContentType, int SizeBytes, DateTimeOffset TakenAt, DateTimeOffset StoredAt);

/// <summary>The tablet event a photo is for: whose it is, which order, which outcome.</summary>
internal sealed record PhotoEvent(string EventKey, string CourierId, string OrderId, string Kind);

/// <summary>A photo as the dispatcher fetches it.</summary>
internal sealed record StoredPhoto(string ContentType, byte[] Bytes, DateTimeOffset StoredAt);

/// <summary>Proof photos in PostgreSQL (<c>delivery_photos</c>), one per tablet event, first upload wins.</summary>
internal sealed class PhotoStore(NpgsqlDataSource db)
{
    public Task<PhotoEvent?> EventAsync(string eventKey, CancellationToken ct) =>
        db.FirstAsync("SELECT event_key, courier_id, order_id, kind FROM delivery_events WHERE event_key = $1",
            r => new PhotoEvent(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), ct, eventKey);

    /// <summary>Whether some tablet (another device) sent an event with this client id.</summary>
    public Task<bool> TabletEventExistsAsync(string clientEventId, CancellationToken ct) =>
        db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM delivery_events WHERE source = 'tablet' AND substr(event_key, strpos(event_key, ':') + 1) = $1)",
            ct, clientEventId);

    /// <summary>Stores the photo unless the event has one; the same bytes again answer the stored facts, other bytes a conflict.</summary>
    public async Task<(PhotoInfo Info, bool Created)> SaveAsync(
        PhotoEvent e, string clientEventId, string deviceId, string contentType, byte[] bytes, DateTimeOffset takenAt, DateTimeOffset now, CancellationToken ct)
    {
        var hash = SHA256.HashData(bytes);
        var inserted = await db.ExecAsync("""
            INSERT INTO delivery_photos (event_key, courier_id, device_id, order_id, content_type, size_bytes, sha256, taken_at, stored_at, bytes)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_key) DO NOTHING
            """, ct, e.EventKey, e.CourierId, deviceId, e.OrderId, contentType, bytes.Length, hash, takenAt.ToUniversalTime(), now.ToUniversalTime(), bytes);
        if (inserted == 1)
        {
            return (new PhotoInfo(clientEventId, contentType, bytes.Length, takenAt, now), true);
        }
        var stored = await db.FirstAsync("SELECT content_type, size_bytes, sha256, taken_at, stored_at FROM delivery_photos WHERE event_key = $1",
            r => new Stored(new PhotoInfo(clientEventId, r.GetString(0), r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4)),
                r.GetFieldValue<byte[]>(2)), ct, e.EventKey)
            ?? throw new InvalidOperationException($"photo of {e.EventKey} neither inserted nor stored");
        if (!stored.Hash.AsSpan().SequenceEqual(hash))
        {
            throw new PhotoProblem(StatusCodes.Status409Conflict, "Photo already stored", "photo", "this event already has a different photo; the first one is kept");
        }
        return (stored.Info, false);
    }

    private sealed record Stored(PhotoInfo Info, byte[] Hash);

    /// <summary>The newest photo of an order's tablet events, if any.</summary>
    public Task<StoredPhoto?> LatestOfOrderAsync(long orderId, CancellationToken ct) =>
        db.FirstAsync("SELECT content_type, bytes, stored_at FROM delivery_photos WHERE order_id = $1 ORDER BY stored_at DESC LIMIT 1",
            r => new StoredPhoto(r.GetString(0), r.GetFieldValue<byte[]>(1), r.GetFieldValue<DateTimeOffset>(2)), ct,
            orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
