using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Customers' tracking tokens stored as SHA-256 hashes only (table <c>tracking_links</c>, several links per order: one
/// per message that carried one); the tokens of existing orders become their hashes and the plain column goes. Courier
/// device tokens get an expiry.
/// </summary>
[Migration(2026120201100, "tracking_links (token hashes), courier_devices.expires_at")]
public sealed class M2026120201100_TokenHashes : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE tracking_links (
            token_hash bytea PRIMARY KEY,
            order_id   bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            created_at timestamptz NOT NULL
        );
        CREATE INDEX tracking_links_order ON tracking_links (order_id);
        INSERT INTO tracking_links (token_hash, order_id, created_at)
            SELECT sha256(convert_to(tracking_token, 'UTF8')), id, created_at FROM orders;
        ALTER TABLE orders DROP COLUMN tracking_token;
        ALTER TABLE courier_devices ADD COLUMN expires_at timestamptz;
        """);

    public override void Down() => Execute.Sql("""
        ALTER TABLE courier_devices DROP COLUMN expires_at;
        ALTER TABLE orders ADD COLUMN tracking_token text UNIQUE;
        DROP TABLE tracking_links;
        """);
}
