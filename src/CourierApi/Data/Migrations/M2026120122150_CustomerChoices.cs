using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// What customers chose on their tracking page when the window was at risk (one choice per order), and who called
/// back a low rating with what outcome (the call-back time was already there: <c>feedback.callback_done_at</c>).
/// </summary>
[Migration(2026120122150, "customer_choices, callback outcome")]
public sealed class M2026120122150_CustomerChoices : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE customer_choices (
            order_id       bigint PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
            kind           text NOT NULL CHECK (kind IN ('move_window', 'neighbour', 'safe_place', 'another_day')),
            window_start   timestamptz,
            window_end     timestamptz,
            requested_date date,
            note           text,
            created_at     timestamptz NOT NULL,
            CHECK (kind <> 'move_window' OR (window_start IS NOT NULL AND window_end > window_start)),
            CHECK (kind <> 'another_day' OR requested_date IS NOT NULL)
        );
        ALTER TABLE feedback ADD COLUMN callback_by text, ADD COLUMN callback_outcome text;
        """);

    public override void Down() => Execute.Sql("""
        DROP TABLE customer_choices;
        ALTER TABLE feedback DROP COLUMN callback_by, DROP COLUMN callback_outcome;
        """);
}
