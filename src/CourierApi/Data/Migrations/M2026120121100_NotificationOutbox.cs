using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// The customer notification outbox: one row per (order, kind, cause), written in the transaction of its cause, sent by
/// any node (claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease in <c>next_attempt_at</c>), kept with its attempts and
/// last error, parked after the last attempt. <c>next_attempt_at</c> of a new row is <c>-infinity</c>: due at once, whatever
/// clock the sender reads.
/// </summary>
[Migration(2026120121100, "notification_outbox")]
public sealed class M2026120121100_NotificationOutbox : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE notification_outbox (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            order_id        text NOT NULL,
            kind            text NOT NULL,
            cause           text NOT NULL,
            depot_id        text,
            payload         jsonb NOT NULL,
            status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked')),
            attempts        integer NOT NULL DEFAULT 0,
            last_error      text,
            created_at      timestamptz NOT NULL DEFAULT now(),
            next_attempt_at timestamptz DEFAULT '-infinity',
            sent_at         timestamptz,
            CONSTRAINT notification_outbox_key UNIQUE (order_id, kind, cause)
        );
        CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id) WHERE status = 'pending';
        CREATE INDEX notification_outbox_status ON notification_outbox (status, id);
        """);

    public override void Down() => Execute.Sql("DROP TABLE notification_outbox;");
}
