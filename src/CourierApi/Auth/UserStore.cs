using Dapper;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Delivery.CourierApi.Auth;

/// <summary>A dispatcher, analyst or administrator account.</summary>
internal sealed record UserAccount(long Id, string UserName, string DisplayName, string Role, string PasswordHash);

/// <summary>A user as the administrator sees it (never the password hash).</summary>
/// <param name="AllDepots">Works for every depot, including ones created later (administrators always do).</param>
/// <param name="DepotIds">The depots the user works for when not <paramref name="AllDepots"/>.</param>
/// <param name="Demo">Created by <c>--demo</c>; disabled when the host starts without it.</param>
public sealed record UserView(long Id, string UserName, string DisplayName, string Role, bool AllDepots, IReadOnlyList<long> DepotIds,
    DateTimeOffset? DisabledAt, bool Demo, DateTimeOffset CreatedAt);

/// <summary>
/// Users table access; passwords are hashed with the framework's <see cref="PasswordHasher{TUser}"/>. Changing a
/// password or disabling a user ends the user's sessions (<see cref="SessionStore"/>).
/// </summary>
internal sealed class UserStore(NpgsqlDataSource db, IPasswordHasher<UserAccount> hasher, SessionStore sessions, TimeProvider time)
{
    private const string ViewSql = """
        SELECT u.id, u.user_name, u.display_name, u.role, u.all_depots,
               coalesce((SELECT array_agg(d.depot_id ORDER BY d.depot_id) FROM user_depots d WHERE d.user_id = u.id), '{}'),
               u.disabled_at, u.demo, u.created_at
        FROM users u
        """;

    public async Task<UserAccount?> VerifyAsync(string userName, string password, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserAccount>(
            "SELECT id, user_name AS UserName, display_name AS DisplayName, role, password_hash AS PasswordHash FROM users WHERE user_name = @userName AND disabled_at IS NULL",
            new { userName });
        if (user is null)
        {
            // Hash anyway so an unknown (or disabled) name takes as long as a wrong password.
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

    /// <summary>
    /// Creates a user or, when the name exists, replaces role, display name and password and enables it again (demo
    /// seeding, tests); <paramref name="allDepots"/> lets it work for every depot.
    /// </summary>
    public async Task<long> UpsertAsync(string userName, string displayName, string role, string password, CancellationToken ct,
        bool allDepots = false, bool demo = false)
    {
        var hash = hasher.HashPassword(new UserAccount(0, userName, displayName, role, ""), password);
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO users (user_name, display_name, role, password_hash, created_at, all_depots, demo)
            VALUES (@userName, @displayName, @role, @hash, @now, @allDepots, @demo)
            ON CONFLICT (user_name) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, password_hash = EXCLUDED.password_hash,
                all_depots = EXCLUDED.all_depots, demo = EXCLUDED.demo, disabled_at = NULL
            RETURNING id
            """, new { userName, displayName, role, hash, now = time.GetUtcNow(), allDepots, demo });
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct) => await db.ListAsync(ViewSql + " ORDER BY u.id", ReadView, ct);

    public async Task<UserView> GetAsync(long id, CancellationToken ct) =>
        await db.FirstAsync(ViewSql + " WHERE u.id = $1", ReadView, ct, id) ?? throw new NotFoundException("User", id);

    /// <summary>Creates a user; a taken name is a conflict.</summary>
    public async Task<UserView> CreateAsync(CreateUserRequest r, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>("""
            INSERT INTO users (user_name, display_name, role, password_hash, created_at, all_depots)
            VALUES (@UserName, @DisplayName, @Role, @hash, @now, @all)
            ON CONFLICT (user_name) DO NOTHING RETURNING id
            """, new { r.UserName, r.DisplayName, r.Role, hash = hasher.HashPassword(new UserAccount(0, r.UserName, r.DisplayName, r.Role, ""), r.Password),
                now = time.GetUtcNow(), all = r.AllDepots }, tx)
            ?? throw new ConflictException("User name taken", $"A user named '{r.UserName}' already exists.");
        await SetDepotsAsync(connection, tx, id, r.DepotIds ?? [], ct);
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Replaces a user's role, display name and depots; they apply from the user's next request.</summary>
    public async Task<UserView> UpdateAsync(long id, UpdateUserRequest r, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync("UPDATE users SET display_name = @DisplayName, role = @Role, all_depots = @AllDepots WHERE id = @id",
            new { r.DisplayName, r.Role, r.AllDepots, id }, tx);
        if (changed == 0)
        {
            throw new NotFoundException("User", id);
        }
        await SetDepotsAsync(connection, tx, id, r.DepotIds ?? [], ct);
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Sets a new password and ends every session of the user.</summary>
    public async Task SetPasswordAsync(long id, string password, CancellationToken ct)
    {
        var user = await GetAsync(id, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id",
            new { hash = hasher.HashPassword(new UserAccount(id, user.UserName, user.DisplayName, user.Role, ""), password), id });
        await sessions.EndAllAsync(id, ct);
    }

    /// <summary>Disables (or enables) a user; disabling ends every session of the user at once.</summary>
    public async Task SetDisabledAsync(long id, bool disabled, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(disabled
            ? "UPDATE users SET disabled_at = coalesce(disabled_at, @now) WHERE id = @id"
            : "UPDATE users SET disabled_at = NULL WHERE id = @id", new { id, now = time.GetUtcNow() });
        if (changed == 0)
        {
            throw new NotFoundException("User", id);
        }
        if (disabled)
        {
            await sessions.EndAllAsync(id, ct);
        }
    }

    /// <summary>Adds <paramref name="depotId"/> to the user's depots (the creator of a depot works for it).</summary>
    public async Task AddDepotAsync(long userId, long depotId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("INSERT INTO user_depots (user_id, depot_id) VALUES (@userId, @depotId) ON CONFLICT DO NOTHING",
            new { userId, depotId });
    }

    /// <summary>Disables every demo user and ends their sessions (a start without <c>--demo</c>); returns how many.</summary>
    public async Task<int> DisableDemoUsersAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var ids = (await connection.QueryAsync<long>(
            "UPDATE users SET disabled_at = @now WHERE demo AND disabled_at IS NULL RETURNING id", new { now = time.GetUtcNow() })).ToList();
        foreach (var id in ids)
        {
            await sessions.EndAllAsync(id, ct);
        }
        return ids.Count;
    }

    /// <summary>Whether an enabled administrator exists.</summary>
    public async Task<bool> AnyAdministratorAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM users WHERE role = @role AND disabled_at IS NULL)", new { role = Roles.Administrator });
    }

    private static async Task SetDepotsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long id, IReadOnlyList<long> depotIds, CancellationToken ct)
    {
        var known = (await connection.QueryAsync<long>("SELECT id FROM depots WHERE id = ANY(@depotIds)", new { depotIds = depotIds.ToArray() }, tx)).ToHashSet();
        if (depotIds.FirstOrDefault(d => !known.Contains(d), -1) is var missing and >= 0)
        {
            throw new FieldException("depotIds", $"depot {missing} does not exist");
        }
        await connection.ExecuteAsync("DELETE FROM user_depots WHERE user_id = @id", new { id }, tx);
        await connection.ExecuteAsync("INSERT INTO user_depots (user_id, depot_id) SELECT @id, unnest(@depotIds) ON CONFLICT DO NOTHING",
            new { id, depotIds = depotIds.ToArray() }, tx);
        ct.ThrowIfCancellationRequested();
    }

    private static UserView ReadView(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetBoolean(4) || r.GetString(3) == Roles.Administrator, r.Get<long[]>(5), r.Opt<DateTimeOffset>(6), r.GetBoolean(7), r.Get<DateTimeOffset>(8));
}
