using System.Globalization;
using System.Text;
using Delivery.Planner.Instances;

namespace Delivery.Benchmarks.Micro;

/// <summary>
/// A generated Solomon-style instance (customers on a 100×100 grid, wide windows) so the micro-benchmarks need no
/// shared data, and its text in the file format.
/// </summary>
internal static class SyntheticInstance
{
    public static SolomonInstance Create(int customers, int vehicles)
    {
        var random = new Random(42);
        var depot = new SolomonCustomer(0, 50, 50, 0, 0, 1_000_000, 0);
        var list = Enumerable.Range(1, customers)
            .Select(i => new SolomonCustomer(i, random.Next(0, 101), random.Next(0, 101), random.Next(1, 20), 0, 900_000, 10))
            .ToList();
        return new SolomonInstance($"SYN{customers}", vehicles, 100_000, depot, list);
    }

    public static string Text(SolomonInstance instance)
    {
        var sb = new StringBuilder()
            .Append(instance.Name).Append("\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n")
            .Append(CultureInfo.InvariantCulture, $"  {instance.VehicleCount}         {instance.Capacity}\r\n\r\nCUSTOMER\r\n")
            .Append("CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n");
        foreach (var c in new[] { instance.Depot }.Concat(instance.Customers))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c.Number,5} {c.X,8} {c.Y,10} {c.Demand,10} {c.ReadyTime,10} {c.DueDate,10} {c.ServiceTime,10}\r\n");
        }
        return sb.ToString();
    }
}
