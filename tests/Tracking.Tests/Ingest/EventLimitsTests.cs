using Delivery.Tracking.Ingest;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Tests.Ingest;

/// <summary>Refused items against an order that lists one SKU on two lines at different prices.</summary>
public sealed class EventLimitsTests
{
    private static readonly PublishedStop Stop = new("s1", "o1", 1, 41.15, -8.61, null, null, 300, StopStatus.Open,
        [new OrderLine("Rice", 2, 1.50m), new OrderLine("Milk", 1, 0.80m), new OrderLine("rice", 3, 2.00m)]);

    [Fact]
    public void An_item_on_two_lines_may_be_refused_up_to_both_lines_quantities()
    {
        Assert.Null(EventLimits.RefusedProblem([new RefusedItem("Rice", 5)], Stop));
        Assert.Null(EventLimits.RefusedProblem([new RefusedItem("Rice", 2), new RefusedItem("RICE", 3)], Stop));

        var problem = EventLimits.RefusedProblem([new RefusedItem("Rice", 4), new RefusedItem("rice", 2)], Stop);
        Assert.Equal("refusedItems[1]", problem?.Field);
        Assert.Contains("6 times in all, more than the 5 ordered", problem?.Reason);
    }

    [Fact]
    public void Refused_units_are_taken_from_the_items_lines_in_order_each_at_its_own_price()
    {
        // Total 2×1.50 + 0.80 + 3×2.00 = 9.80. Three Rice refused: both of line 1 (3.00), then one of line 3 (2.00).
        Assert.Equal(9.80m, Stop.Total);
        Assert.Equal(4.80m, EventLimits.TotalAfterRefusals(Stop, [new RefusedItem("Rice", 3)]));
        Assert.Equal(8.30m, EventLimits.TotalAfterRefusals(Stop, [new RefusedItem("rice", 1)]));
        Assert.Equal(0m, EventLimits.TotalAfterRefusals(Stop, [new RefusedItem("Rice", 5), new RefusedItem("Milk", 1)]));
    }

    [Fact]
    public void An_unknown_item_names_the_orders_items_once_each()
    {
        var problem = EventLimits.RefusedProblem([new RefusedItem("Tea", 1)], Stop);
        Assert.Equal("refusedItems[0]", problem?.Field);
        Assert.Equal("'Tea' is not an item of order o1 (items: Rice, Milk)", problem?.Reason);
    }
}
