using System.Globalization;
using Delivery.Tracking.Hubs;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// The offered load of the <c>ingest</c> benchmark, passed from the verb to its client process on the command line.
/// Options: --couriers 200 --batch 50 --rate 22000 (offered positions/s; 0 = flat out) --warmup 5 --seconds 20
/// --drop 0.002 --customers 50 --protocol messagepack|json.
/// </summary>
internal sealed record IngestLoad(
    int Couriers, int Batch, double Rate, int WarmupSeconds, int Seconds, double Drop, int Customers, HubWireProtocol Protocol)
{
    public static IngestLoad From(Options o) => new(
        o.GetInt("couriers", 200),
        o.GetInt("batch", 50),
        o.GetDouble("rate", 22_000),
        o.GetInt("warmup", 5),
        o.GetInt("seconds", 20),
        o.GetDouble("drop", 0.002),
        o.GetInt("customers", 50),
        Enum.Parse<HubWireProtocol>(o.Get("protocol") ?? nameof(HubWireProtocol.MessagePack), ignoreCase: true));

    /// <summary>Time between two sends of one courier; zero sends flat out.</summary>
    public TimeSpan SendInterval => Rate <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Couriers * Batch / Rate);

    public IEnumerable<string> ToArgs() =>
    [
        "--couriers", I(Couriers), "--batch", I(Batch), "--rate", I(Rate), "--warmup", I(WarmupSeconds), "--seconds", I(Seconds),
        "--drop", I(Drop), "--customers", I(Customers), "--protocol", Protocol.ToString(),
    ];

    private static string I(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
