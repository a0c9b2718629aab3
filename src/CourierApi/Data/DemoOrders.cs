using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Data;

/// <summary>
/// A reproducible evening of orders around Porto centre: small parcels, two-hour windows starting on the hour between
/// 09:00 and 16:00 (or <c>windowSlots</c> hours from <c>firstWindowStart</c>).
/// </summary>
internal static class DemoOrders
{
    private static readonly string[] Streets = ["Rua de Santa Catarina", "Rua das Flores", "Avenida da Boavista", "Rua de Cedofeita", "Rua do Almada",
        "Rua de Miguel Bombarda", "Rua Formosa", "Rua de Costa Cabral", "Rua do Heroísmo", "Rua da Constituição"];

    private static readonly (string Name, decimal Price)[] Products = [("Bread", 1.20m), ("Milk", 0.99m), ("Coffee", 4.50m), ("Apples 1 kg", 2.10m),
        ("Olive oil", 6.80m), ("Wine", 7.90m), ("Cheese", 3.40m), ("Rice", 1.60m)];

    public static List<NewOrder> Generate(DateOnly date, TimeZoneInfo zone, int count, int seed, string prefix = "DEMO-",
        double centreLat = 41.1579, double centreLon = -8.6291, double radiusKm = 4.5, TimeOnly? firstWindowStart = null, int windowSlots = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSlots, 1);
        var first = Zones.ToUtc(date, firstWindowStart ?? new TimeOnly(9, 0), zone);
        var random = new Random(seed);
        var orders = new List<NewOrder>(count);
        for (var i = 0; i < count; i++)
        {
            // Uniform over a disc; ~111 km per degree of latitude.
            var r = radiusKm * Math.Sqrt(random.NextDouble());
            var angle = random.NextDouble() * 2 * Math.PI;
            var lat = centreLat + r * Math.Cos(angle) / 111.0;
            var lon = centreLon + r * Math.Sin(angle) / (111.0 * Math.Cos(centreLat * Math.PI / 180));
            var start = first.AddHours(random.Next(0, windowSlots));
            var items = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => Products[random.Next(Products.Length)])
                .Select(p => new OrderItemDto(p.Name, random.Next(1, 4), p.Price)).ToList();
            orders.Add(new NewOrder("", $"{prefix}{i + 1:00000}", date, Math.Round(lat, 6), Math.Round(lon, 6),
                $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 400)}, Porto", $"Customer {i + 1}", $"+3519{random.Next(10_000_000, 99_999_999)}",
                random.Next(5) == 0 ? "Leave with the neighbour" : null, [(start, start.AddHours(2))], 180 + random.Next(0, 4) * 60,
                random.Next(500, 8000), random.Next(1000, 20000), items.Sum(x => x.Quantity), [], 0, items));
        }
        return orders;
    }
}
