using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Delivery.CourierApi.Auth;

/// <summary>A dispatcher or analyst account.</summary>
internal sealed record UserAccount(long Id, string UserName, string DisplayName, string Role, string PasswordHash);

/// <summary>Users table access; passwords are hashed with the framework's <see cref="PasswordHasher{TUser}"/>.</summary>
internal sealed class UserStore(NpgsqlDataSource db, IPasswordHasher<UserAccount> hasher, TimeProvider time)
{
    public async Task<UserAccount?> VerifyAsync(string userName, string password, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserAccount>(
            "SELECT id, user_name AS UserName, display_name AS DisplayName, role, password_hash AS PasswordHash FROM users WHERE user_name = @userName",
            new { userName });
        if (user is null)
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            hasher.HashPassword(new UserAccount(0, userName, "", "", ""), password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await connection.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id",
                new { hash = hasher.HashPassword(user, password), id = user.Id });
        }
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Creates a user or, when the name exists, replaces role, display name and password.</summary>
    public async Task<long> UpsertAsync(string userName, string displayName, string role, string password, CancellationToken ct)
    {
        var hash = hasher.HashPassword(new UserAccount(0, userName, displayName, role, ""), password);
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO users (user_name, display_name, role, password_hash, created_at)
            VALUES (@userName, @displayName, @role, @hash, @now)
            ON CONFLICT (user_name) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, password_hash = EXCLUDED.password_hash
            RETURNING id
            """, new { userName, displayName, role, hash, now = time.GetUtcNow() });
    }
}
