using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Delivery.CourierApi.Data;

/// <summary>
/// <c>--demo</c>: a Porto depot (Europe/Lisbon) with couriers, vans and shifts for tomorrow, a generated evening of
/// orders, and a planning job — no map data needed. Safe to run again: what exists is reused. Prints where to look.
/// </summary>
internal sealed partial class DemoSeeder(
    UserStore users, FleetStore fleet, OrderWriter orders, PlanningJobStore jobs, TimeProvider time, IServer server,
    IHostApplicationLifetime lifetime, ILogger<DemoSeeder> log) : IHostedService
{
    public const string DemoUser = "demo";
    public const string DemoPassword = "demo-password";
    public const string AnalystUser = "analyst";
    public const string AnalystPassword = "analyst-password";
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-password";
    public const string DepotCode = "demo-porto";
    private const int Couriers = 8;
    private const int Orders = 160;

    public async Task StartAsync(CancellationToken ct)
    {
        var depot = (await fleet.ListDepotsAsync(ct)).FirstOrDefault(d => d.Code == DepotCode)
            ?? await fleet.CreateDepotAsync(new CreateDepotRequest(DepotCode, "Porto centre", "Praça da Liberdade, Porto", 41.1466, -8.6110, "Europe/Lisbon"), ct);
        // The demo's users exist while the demo is on (UserBootstrap disables them on a start without it) and work for the demo depot.
        await users.AddDepotAsync(await users.UpsertAsync(DemoUser, "Demo Dispatcher", Roles.Dispatcher, DemoPassword, ct, demo: true), depot.Id, ct);
        await users.AddDepotAsync(await users.UpsertAsync(AnalystUser, "Demo Analyst", Roles.Analyst, AnalystPassword, ct, demo: true), depot.Id, ct);
        await users.UpsertAsync(AdminUser, "Demo Administrator", Roles.Administrator, AdminPassword, ct, allDepots: true, demo: true);
        var zone = Zones.Find(depot.TimeZone);
        var tomorrow = Zones.Today(time.GetUtcNow(), zone).AddDays(1);
        var couriers = await fleet.ListCouriersAsync(depot.Id, ct);
        var vehicles = await fleet.ListVehiclesAsync(depot.Id, ct);
        for (var i = couriers.Count; i < Couriers; i++)
        {
            vehicles.Add(await fleet.CreateVehicleAsync(depot.Id, new CreateVehicleRequest($"van-{i + 1}", new LoadDto(400_000, 3_000_000, 120), i % 4 == 0 ? ["fridge"] : []), ct));
            couriers.Add(await fleet.CreateCourierAsync(depot.Id, new CreateCourierRequest($"Courier {i + 1}", $"+3519100000{i:00}", null), ct));
        }
        for (var i = 0; i < couriers.Count; i++)
        {
            await fleet.PutShiftAsync(couriers[i].Id, tomorrow, new ShiftRequest(vehicles[i % vehicles.Count].Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null,
                new BreakDto(new TimeOnly(12, 0), new TimeOnly(14, 0), 30)), ct);
        }
        var created = await orders.WriteAsync(depot.Id, DemoOrders.Generate(tomorrow, zone, Orders, seed: 20261201), ct);
        var (job, _) = await jobs.EnqueueAsync(depot.Id, tomorrow, "plan", DemoUser, 10, ct);
        var device = await fleet.IssueDeviceAsync(couriers[0].Id, new IssueDeviceRequest("demo tablet"), ct);
        lifetime.ApplicationStarted.Register(() => Announce(depot.Id, tomorrow, created, job.Id, device.Token));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private void Announce(long depotId, DateOnly date, int created, long jobId, string deviceToken)
    {
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        LogDemo(depotId, date, created, jobId);
        // Printed plainly as well, so ./run.sh shows it whatever the log level.
        Console.WriteLine($$"""

            Delivery demo is running at {{url}}
              API document (OpenAPI): {{url}}/openapi/v1.json
              API reference (Scalar): {{url}}/scalar/v1
              Sign in: dispatcher {{DemoUser}} / {{DemoPassword}}   (analyst: {{AnalystUser}} / {{AnalystPassword}}; administrator: {{AdminUser}} / {{AdminPassword}})
                curl -s -X POST {{url}}/api/v1/auth/sign-in -H 'Content-Type: application/json' -d '{"userName":"{{DemoUser}}","password":"{{DemoPassword}}"}'
              Demo depot {{depotId}} (Porto, Europe/Lisbon), plan date {{date:yyyy-MM-dd}}: {{created}} new orders; planning job {{jobId}}:
                {{url}}/api/v1/planning-jobs/{{jobId}}   then   {{url}}/api/v1/depots/{{depotId}}/plans/{{date:yyyy-MM-dd}}
              Courier 1 tablet token (after publishing): {{deviceToken}}
            """);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seeded: depot {DepotId}, date {Date}, {Created} new orders, planning job {JobId}")]
    private partial void LogDemo(long depotId, DateOnly date, int created, long jobId);
}
