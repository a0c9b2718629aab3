using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Users scoped to depots: the administrator role, the depots a user works for (or every depot), disabled and demo
/// accounts, and sign-in sessions that sign-out and disabling end. Users that existed before keep what they had:
/// every depot.
/// </summary>
[Migration(2026120201000, "user_depots, user_sessions, administrator role")]
public sealed class M2026120201000_UserDepots : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
        ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('dispatcher', 'analyst', 'administrator'));
        ALTER TABLE users ADD COLUMN all_depots boolean NOT NULL DEFAULT false,
            ADD COLUMN disabled_at timestamptz, ADD COLUMN demo boolean NOT NULL DEFAULT false;
        UPDATE users SET all_depots = true;
        CREATE TABLE user_depots (
            user_id  bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            depot_id bigint NOT NULL REFERENCES depots(id) ON DELETE CASCADE,
            PRIMARY KEY (user_id, depot_id)
        );
        CREATE TABLE user_sessions (
            id         text PRIMARY KEY,
            user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at timestamptz NOT NULL,
            ended_at   timestamptz
        );
        CREATE INDEX user_sessions_user ON user_sessions (user_id) WHERE ended_at IS NULL;
        """);

    public override void Down() => Execute.Sql("""
        DROP TABLE user_sessions, user_depots;
        ALTER TABLE users DROP COLUMN all_depots, DROP COLUMN disabled_at, DROP COLUMN demo;
        """);
}
