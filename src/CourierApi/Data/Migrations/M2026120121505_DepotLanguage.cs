using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>The depot's language: printed manifests (and later customer messages) use it unless a request asks for another.</summary>
[Migration(2026120121505, "depots.language")]
public sealed class M2026120121505_DepotLanguage : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE depots ADD COLUMN language text NOT NULL DEFAULT 'en';");

    public override void Down() => Execute.Sql("ALTER TABLE depots DROP COLUMN language;");
}
