using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Proof photos taken at the door (table <c>delivery_photos</c>, one per tablet event, the image in <c>bytea</c>), and an
/// index on a tablet event's client id alone, so a photo for another device's event answers 403 without a scan.
/// </summary>
[Migration(2026120204400, "delivery_photos")]
public sealed class M2026120204400_DeliveryPhotos : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE delivery_photos (
            event_key    text PRIMARY KEY REFERENCES delivery_events(event_key) ON DELETE CASCADE,
            courier_id   text NOT NULL,
            device_id    text NOT NULL,
            order_id     text NOT NULL,
            content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
            size_bytes   integer NOT NULL CHECK (size_bytes > 0),
            sha256       bytea NOT NULL,
            taken_at     timestamptz NOT NULL,
            stored_at    timestamptz NOT NULL,
            bytes        bytea NOT NULL
        );
        CREATE INDEX delivery_photos_order ON delivery_photos (order_id, stored_at DESC);
        CREATE INDEX delivery_events_client_event ON delivery_events ((substr(event_key, strpos(event_key, ':') + 1))) WHERE source = 'tablet';
        """);

    public override void Down() => Execute.Sql("DROP INDEX delivery_events_client_event; DROP TABLE delivery_photos;");
}
