using System.Security.Cryptography;
using Dapper;
using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Auth;

/// <summary>What a live session grants now: the user's current role and depots.</summary>
internal sealed record SessionGrant(string Role, bool AllDepots, long[] DepotIds);

/// <summary>
/// Sign-in sessions (table <c>user_sessions</c>). A cookie or bearer token carries its session's id (claim
/// <see cref="SessionClaims.SessionId"/>); every request checks the session is open and the user enabled, so sign-out
/// and disabling end a session at once, on every node, whatever the cookie or token's own lifetime.
/// </summary>
internal sealed class SessionStore(NpgsqlDataSource db, TimeProvider time)
{
    public async Task<string> StartAsync(long userId, CancellationToken ct)
    {
        var id = CourierDeviceHandler.Base64Url(RandomNumberGenerator.GetBytes(24));
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("INSERT INTO user_sessions (id, user_id, created_at) VALUES (@id, @userId, @now)",
            new { id, userId, now = time.GetUtcNow() });
        return id;
    }

    public async Task EndAsync(string sessionId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("UPDATE user_sessions SET ended_at = @now WHERE id = @sessionId AND ended_at IS NULL",
            new { sessionId, now = time.GetUtcNow() });
    }

    public async Task EndAllAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("UPDATE user_sessions SET ended_at = @now WHERE user_id = @userId AND ended_at IS NULL",
            new { userId, now = time.GetUtcNow() });
    }

    /// <summary>The session's grant, or null when it was ended, the user disabled, or either is unknown.</summary>
    public async Task<SessionGrant?> ReadAsync(string sessionId, long userId, CancellationToken ct)
    {
        return await db.FirstAsync("""
            SELECT u.role, u.all_depots, coalesce((SELECT array_agg(d.depot_id) FROM user_depots d WHERE d.user_id = u.id), '{}')
            FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND u.disabled_at IS NULL
            """, r => new SessionGrant(r.GetString(0), r.GetBoolean(1), r.Get<long[]>(2)), ct, sessionId, userId);
    }
}
