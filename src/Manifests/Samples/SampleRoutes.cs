using Delivery.Manifests.Model;

namespace Delivery.Manifests.Samples;

/// <summary>
/// Deterministic manifest inputs for tests, the benchmark and looking at a sample: a Berlin depot, stops spiralling
/// around it, Latin and Cyrillic customers.
/// </summary>
internal static class SampleRoutes
{
    private static readonly string[] Latin = ["Anna Schmidt", "Jonas Becker", "Marie Dubois", "Lukas Wagner", "Sofia Rossi", "Ben Clarke"];
    private static readonly string[] Cyrillic = ["Мария Иванова", "Алексей Смирнов", "Ольга Кузнецова", "Дмитрий Попов"];
    private static readonly string[] Streets = ["Kastanienallee", "Schönhauser Allee", "ул. Тверская", "Prenzlauer Berg Straße", "Невский проспект"];
    private static readonly string[] Goods = ["Milk 1.5% 1 l", "Rye bread", "Eggs, 10 pcs", "Яблоки Гренни Смит, кг", "Tomatoes on the vine", "Гречка 900 г", "Coffee beans 500 g"];

    public static ManifestRoute Route(int stops, long routeId = 42, int planVersion = 3, string? notes = null, int itemsPerStop = 3, string name = "North-07")
    {
        var start = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero); // 08:00 in Berlin
        return new ManifestRoute
        {
            RouteId = routeId,
            RouteName = name,
            CourierName = "Ivan Petrov / Иван Петров",
            Vehicle = "B-DL 1042 · Ford Transit (fridge)",
            Date = new DateOnly(2026, 11, 30),
            Depot = new ManifestDepot { Name = "Depot Mitte", Address = "Invalidenstraße 117, 10115 Berlin", Phone = "+49 30 1234 5600", Latitude = 52.53, Longitude = 13.38 },
            StartTime = start,
            PlanVersion = planVersion,
            PrintedAt = new DateTimeOffset(2026, 11, 29, 18, 30, 0, TimeSpan.Zero),
            DispatcherPhone = "+49 30 1234 5678",
            PlannedKm = 12.5 + stops * 1.7,
            PlannedHours = 1 + stops * 0.12,
            TimeZoneId = "Europe/Berlin",
            Currency = "EUR",
            Stops = [.. Enumerable.Range(1, stops).Select(i => Stop(i, start, notes, itemsPerStop))],
        };
    }

    public static ManifestStop Stop(int i, DateTimeOffset start, string? notes, int items)
    {
        var arrival = start.AddMinutes(12 * i);
        var windowStart = new DateTimeOffset(arrival.Year, arrival.Month, arrival.Day, arrival.Hour, 0, 0, TimeSpan.Zero);
        var angle = i * 0.7;
        var radius = 0.004 * Math.Sqrt(i);
        return new ManifestStop
        {
            Sequence = i,
            OrderId = $"ORD-{10_000 + i}",
            PlannedArrival = arrival,
            WindowStart = windowStart,
            WindowEnd = windowStart.AddHours(2),
            CustomerName = (i % 3 == 0 ? Cyrillic[i % Cyrillic.Length] : Latin[i % Latin.Length]) + $" {i}",
            Address = $"{Streets[i % Streets.Length]} {i * 3}, apt. {i}, entrance {1 + (i % 4)}, 10{100 + i} Berlin",
            Phone = $"+49 170 555 {i:D4}",
            DeliveryNotes = notes ?? (i % 2 == 0 ? "Child asleep — don't ring, call. Ребёнок спит — не звонить в дверь." : null),
            Items = [.. Enumerable.Range(0, items).Select(k => new ManifestItem { Name = Goods[(i + k) % Goods.Length], Quantity = 1 + ((i + k) % 3), UnitPrice = 0.99m + k + (i % 5) })],
            AmountToCollect = i % 4 == 0 ? 12.5m * i : 0,
            Latitude = 52.53 + (radius * Math.Sin(angle)),
            Longitude = 13.38 + (radius * 1.6 * Math.Cos(angle)),
        };
    }
}
