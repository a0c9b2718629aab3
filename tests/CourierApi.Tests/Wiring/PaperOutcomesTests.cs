using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Routes;
using Delivery.Manifests.Codes;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>
/// Outcomes coming back from paper by stop code: verified against the current published version, stored as delivery
/// events with source paper through tracking, each entry on its own.
/// </summary>
public sealed class PaperOutcomesTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly DateTimeOffset Handover = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task PaperOutcomes_CurrentOutdatedAndForeignCodes_RecordsValidOnesRefusesOthersWithReason()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2, itemsCapacity: 12);
        await s.ImportAsync(Scenario.Csv(8, prefix: "P"));
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        var v1 = await Scenario.Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null));
        var oldA = v1.Routes.Where(r => r.Stops.Count >= 2).MaxBy(r => r.Stops.Count)!;

        // Editing the published plan makes version 2; publishing it outdates every code printed from version 1.
        var edit = await Scenario.Read<EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{v1.Id}/edits",
            new EditRequest("unassign", oldA.Stops[^1].OrderId)));
        var v2 = await Scenario.Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{edit.VersionId}/publish", null));
        Assert.Equal(2, v2.Number);
        var routeA = v2.Routes.Single(r => r.CourierId == oldA.CourierId);
        var routeB = v2.Routes.Single(r => r.CourierId != oldA.CourierId && r.Stops.Count > 0);
        // The evening after the delivery day: paper comes back (a new sign-in, yesterday's token has expired).
        api.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero));
        dispatcher = await api.ClientAsAsync(Roles.Dispatcher);

        var outcomes = new PaperOutcomeEntry[]
        {
            new(new StopCode(routeA.RouteId, 2, 1).ToString().ToLowerInvariant(), "delivered", null, null, Handover),
            new(new StopCode(oldA.RouteId, 1, 1).ToString(), "delivered", null, null, Handover),
            new(new StopCode(routeB.RouteId, 2, 1).ToString(), "failed", null, "nobody home", Handover),
            new(new StopCode(routeA.RouteId, 2, 2).ToString(), "partly_delivered", [new PaperRefusedItem("Milk", 1)], null, Handover.AddMinutes(20)),
            new(new StopCode(routeA.RouteId, 2, 1).ToString(), "failed", null, null, Handover),
        };
        var response = await dispatcher.PostAsJsonAsync($"/api/v1/paper-outcomes?routeId={routeA.RouteId}", outcomes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("printed from plan version 1", errors.GetProperty("[1].stopCode")[0].GetString());
        Assert.Contains($"belongs to route {routeB.RouteId}, not to route {routeA.RouteId}", errors.GetProperty("[2].stopCode")[0].GetString());
        Assert.Contains("reason", errors.GetProperty("[4].reason")[0].GetString());
        var recorded = problem.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("recorded").GetBoolean())
            .Select(r => r.GetProperty("index").GetInt32());
        Assert.Equal([0, 3], recorded);

        var events = await PaperEventsAsync();
        Assert.Equal(
            [(routeA.Stops[0].OrderId, "delivered", (decimal?)null), (routeA.Stops[1].OrderId, "partly_delivered", 2.40m)],
            events.Select(e => (e.OrderId, e.Kind, e.Total)));
        Assert.All(events, e => Assert.Equal("2", e.PlanVersion));

        // Sending the valid entry again changes nothing (one outcome per stop); it counts in the window-hit rate.
        var again = await dispatcher.PostAsJsonAsync("/api/v1/paper-outcomes", outcomes[..1]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await PaperEventsAsync()).Count);
        var analyst = await api.ClientAsAsync(Roles.Analyst);
        var hits = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/window-hits?from=2026-12-01&to=2026-12-01&timeZone=Europe/Lisbon");
        Assert.Equal(2, hits.GetProperty("total").GetProperty("attempted").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/paper-outcomes", outcomes[..1])).StatusCode);
    }

    [Fact]
    public async Task PaperOutcomes_MistypedCodeAndEmptyList_AreRefusedNamingTheField()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var code = new StopCode(42, 1, 3).ToString();
        var mistyped = code[..^1] + (code[^1] == '0' ? '1' : '0');

        var response = await dispatcher.PostAsJsonAsync("/api/v1/paper-outcomes", new[] { new PaperOutcomeEntry(mistyped, "delivered", null, null, Handover) });
        var empty = await dispatcher.PostAsJsonAsync("/api/v1/paper-outcomes", Array.Empty<PaperOutcomeEntry>());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var reason = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("[0].stopCode")[0].GetString();
        Assert.Contains("check character", reason);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
    }

    private async Task<List<(long OrderId, string Kind, decimal? Total, string PlanVersion)>> PaperEventsAsync()
    {
        await using var command = api.Database.DataSource.CreateCommand(
            "SELECT order_id, kind, recalculated_total, plan_version::text FROM delivery_events WHERE source = 'paper' ORDER BY occurred_at");
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(long, string, decimal?, string)>();
        while (await reader.ReadAsync())
        {
            list.Add((long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDecimal(2), reader.GetString(3)));
        }
        return list;
    }
}
