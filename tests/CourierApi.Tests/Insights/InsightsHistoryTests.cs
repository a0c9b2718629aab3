using Delivery.CourierApi.Features.Insights;
using Delivery.Testing.Insights;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Delivery.CourierApi.Tests.Insights;

/// <summary>
/// The insights queries over a generated week (<see cref="DeliveryHistory"/>: 6 couriers × 15 stops a day with late
/// departures, slow legs, long services, failures, paper outcomes and cancellations): the figures agree with each other
/// and every late stop's parts add up to its lateness.
/// </summary>
public sealed class InsightsHistoryTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly DateOnly First = new(2026, 11, 2);

    private async Task<(InsightsStore Store, InsightsPeriod Period)> WeekAsync(string code)
    {
        var db = api.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = db.CreateCommand($"""
            INSERT INTO depots (code, name, address, location, time_zone, created_at)
            VALUES ('{code}', 'History', 'Rua 1', ST_SetSRID(ST_MakePoint(-8.61, 41.15), 4326), 'Europe/Lisbon', now()) RETURNING id
            """);
        var depot = (long)(await cmd.ExecuteScalarAsync())!;
        var written = await DeliveryHistory.WriteAsync(db, depot, First, 7, 6, 15);
        Assert.Equal(7 * 6 * 15, written.Stops);
        return (api.Services.GetRequiredService<InsightsStore>(), new InsightsPeriod(First, First.AddDays(6), [depot]));
    }

    [Fact]
    public async Task Stops_GeneratedWeek_EveryLateStopsPartsAddUpToItsLateness()
    {
        var (store, period) = await WeekAsync("hist-parts");

        var late = await store.StopsAsync(period, new StopFilter(Result: "late"), 1, InsightsEndpoints.MaxPageSize, CancellationToken.None);

        Assert.True(late.Total > 5, $"only {late.Total} late stops");
        foreach (var stop in late.Stops)
        {
            var p = stop.Parts!;
            Assert.Equal(stop.LateMinutes!.Value, p.Departure + p.Driving + p.Waiting + p.Service + p.Failed + p.Replan + p.Plan, 0.1);
            Assert.All(new[] { p.Departure, p.Driving, p.Waiting, p.Service, p.Failed, p.Replan, p.Plan }, v => Assert.True(v >= 0));
        }
    }

    [Fact]
    public async Task Summary_GeneratedWeek_BreakdownsAddUpToTheTotalAndCausesToTheLateness()
    {
        var (store, period) = await WeekAsync("hist-sums");

        var s = await store.SummaryAsync(period, CancellationToken.None);
        var c = await store.CausesAsync(period, CancellationToken.None);

        Assert.Equal(7 * 6 * 15, s.Total.Attempted + s.Total.Cancelled + s.Total.NoWindow + s.Total.Open);
        Assert.Equal(s.Total.Attempted, s.Total.Hits + s.Total.Early + s.Total.Late);
        foreach (var by in new[] { s.ByDay, s.ByCourier, s.ByZone, s.BySlot, s.ByWeekday })
        {
            Assert.Equal(s.Total.Attempted, by.Sum(g => g.Attempted));
            Assert.Equal(s.Total.Late, by.Sum(g => g.Late));
        }
        Assert.Equal(7, s.ByDay.Count);
        Assert.Equal(s.Total.Late, s.LateMinutes.Sum(b => b.Stops));
        Assert.True(s.Total.Paper > 0 && s.Total.Cancelled > 0);
        Assert.Equal(s.Total.Late, c.LateStops);
        Assert.Equal(s.Total.AvgLateMinutes * s.Total.Late, c.LateMinutes, 3);
        Assert.Equal(c.LateMinutes, c.Parts.Sum(p => p.Minutes), 3);
        Assert.NotEmpty(c.Systemic);
    }
}
