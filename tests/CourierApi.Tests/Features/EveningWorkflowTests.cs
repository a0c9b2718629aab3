using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Courier;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Routes;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>The dispatcher's whole evening through the HTTP API, against the real PostgreSQL and Redis.</summary>
public sealed class EveningWorkflowTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private readonly DeliveryApiFactory _api = api;

    [Fact]
    public async Task Evening_ImportPlanEditLockReplanPublishEdit_KeepsLocksAndVersions()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);

        // Import with bad rows: good ones kept, each bad one reported.
        var report = await s.ImportAsync(Scenario.Csv(16) + "BAD,,,x,1000,0,10:00,12:00,1,,\n");
        Assert.Equal(16, report.Created);
        Assert.Equal(["customer_name", "lat"], report.Rejected.Select(e => e.Field).Order());

        // Plan.
        var first = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        Assert.Equal("succeeded", first.Status);
        var plan = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{first.ResultVersionId}"))!;
        Assert.Equal(16, plan.Totals.Stops);

        // Edit with a violation: an early-window order moved to the end of the latest route.
        var late = plan.Routes.Where(r => r.Stops.Count > 0).MaxBy(r => r.Stops[^1].PlannedServiceStart)!;
        var early = plan.Routes.SelectMany(r => r.Stops).Where(x => x.WindowEnd < late.Stops[^1].PlannedServiceStart && x.OrderId != late.Stops[^1].OrderId)
            .MinBy(x => x.WindowEnd)!;
        var edit = new EditRequest("move", early.OrderId, late.CourierId);
        var refused = await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{plan.Id}/edits", edit);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var violation = problem.GetProperty("errors").GetProperty("violations")[0].GetString()!;
        Assert.Contains(early.ShopOrderId, violation);
        Assert.Matches(@"window \d\d:\d\d–\d\d:\d\d missed by \d+ min", violation);
        // The same as a code with parameters, for pages to say in their language: instants, not clock text.
        var code = problem.GetProperty("violationCodes").EnumerateArray().First(c => c.GetProperty("code").GetString() == "late").GetProperty("args");
        Assert.Equal(early.ShopOrderId, code.GetProperty("order").GetString());
        Assert.Equal(early.WindowEnd, DateTimeOffset.Parse(code.GetProperty("windowEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(code.GetProperty("minutes").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(late.CourierName, code.GetProperty("courier").GetString());

        var kept = await Scenario.Read<EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{plan.Id}/edits", edit with { Confirm = true }));
        Assert.False(kept.NewVersion);
        Assert.NotEmpty(kept.Violations);
        var marked = kept.ChangedRoutes.Single(r => r.CourierId == late.CourierId).Stops[^1];
        Assert.Equal(early.OrderId, marked.OrderId);
        Assert.Contains("missed by", marked.Violation);
        Assert.Equal("late", Assert.Single(marked.Violations).Code);
        Assert.Contains(kept.ViolationCodes, c => c.Code == "late" && c.Args["order"] == early.ShopOrderId);
        var reread = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{plan.Id}"))!;
        Assert.Equal("late", reread.Routes.Single(r => r.CourierId == late.CourierId).Stops[^1].Violations.Single().Code);

        // Lock the other courier's route, add orders, re-plan: the locked route is kept exactly.
        plan = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{plan.Id}"))!;
        var lockedRoute = plan.Routes.First(r => r.CourierId != late.CourierId);
        (await dispatcher.PutAsJsonAsync($"/api/v1/routes/{lockedRoute.RouteId}/lock", new LockRequest(true))).EnsureSuccessStatusCode();
        Assert.Equal(4, (await s.ImportAsync(Scenario.Csv(4, prefix: "N"))).Created);
        var replan = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        Assert.Equal("succeeded", replan.Status);
        Assert.Equal("replan", replan.Kind);
        Assert.NotNull(replan.Progress!.Moved);
        var second = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{replan.ResultVersionId}"))!;
        Assert.Equal(plan.Number + 1, second.Number);
        var relocked = second.Routes.Single(r => r.CourierId == lockedRoute.CourierId);
        Assert.True(relocked.Locked);
        Assert.Equal(lockedRoute.Stops.Select(x => x.OrderId), relocked.Stops.Select(x => x.OrderId));
        Assert.Equal(20, second.Totals.Stops + second.Totals.Unassigned);

        // Publish: couriers see their own route; customers are told their window.
        var published = await Scenario.Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{second.Id}/publish", null));
        Assert.Equal("published", published.Status);
        // The outbox sends them in the background: wait (at most a minute) until the webhook has them all.
        var notified = await _api.Webhook.WaitForAsync(m => m.TryGetProperty("orderId", out var id) && id.ValueKind == JsonValueKind.Number
            && published.Routes.SelectMany(r => r.Stops).Any(x => x.OrderId == id.GetInt64()), second.Totals.Stops);
        Assert.Equal(second.Totals.Stops, notified.Count);
        Assert.All(notified, m => Assert.Matches(@"^Your delivery is planned for \d\d:\d\d–\d\d:\d\d\.$", m.GetProperty("message").GetString()));

        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync(
            $"/api/v1/couriers/{lockedRoute.CourierId}/devices", new IssueDeviceRequest("tablet")));
        var tablet = _api.ClientWithDeviceToken(device.Token);
        var mine = await tablet.GetFromJsonAsync<CourierRouteResponse>("/api/v1/courier/route?date=2026-12-01");
        Assert.Equal(lockedRoute.CourierId, mine!.Route.CourierId);
        Assert.Equal(relocked.Stops.Select(x => x.OrderId), mine.Route.Stops.Select(x => x.OrderId));

        // Editing the published plan creates a new version.
        var movable = second.Routes.Single(r => r.CourierId == late.CourierId).Stops[0];
        var afterPublish = await Scenario.Read<EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{second.Id}/edits",
            new EditRequest("unassign", movable.OrderId)));
        Assert.True(afterPublish.NewVersion);
        Assert.Equal(second.Number + 1, afterPublish.VersionNumber);
        var third = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{afterPublish.VersionId}"))!;
        Assert.Equal("draft", third.Status);
        Assert.Contains(third.Unassigned, u => u.OrderId == movable.OrderId && u.Reason == "Manual" && u.Args["courier"] == late.CourierName);
    }

    [Fact]
    public async Task CourierToken_OtherCouriersRouteAndDispatcherEndpoints_AreNotReadable()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
        await s.ImportAsync(Scenario.Csv(8));
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null);
        var tokenA = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{s.Couriers[0].Id}/devices", new IssueDeviceRequest("a")));
        var a = _api.ClientWithDeviceToken(tokenA.Token);

        var own = await a.GetAsync("/api/v1/courier/route?date=2026-12-01");
        var plan = await a.GetAsync($"/api/v1/plan-versions/{job.ResultVersionId}");
        var orders = await a.GetAsync($"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(s.Couriers[0].Id, (await own.Content.ReadFromJsonAsync<CourierRouteResponse>())!.Route.CourierId);
        Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, orders.StatusCode);

        (await dispatcher.DeleteAsync($"/api/v1/devices/{tokenA.DeviceId}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await a.GetAsync("/api/v1/courier/route?date=2026-12-01")).StatusCode);
    }

    [Fact]
    public async Task Edit_Analyst_Is403()
    {
        var analyst = await _api.ClientAsAsync(Roles.Analyst);
        var response = await analyst.PostAsJsonAsync("/api/v1/plan-versions/1/edits", new EditRequest("unassign", 1));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
