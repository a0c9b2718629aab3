using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.Testing;
using Delivery.Tracking.Live;
using Delivery.Tracking.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Delivery.EndToEnd.Tests.Nodes;

/// <summary>
/// Two real host processes over one PostgreSQL schema and one Redis, behind the repository's nginx configuration:
/// what DESIGN.md §7 promises (stateless nodes) as an operator runs it, not as two hosts inside one test process.
/// </summary>
public sealed class TwoNodesTests
{
    private const string Admin = "ops";
    private const string AdminPassword = "two-nodes-password";

    private static Dictionary<string, string> Settings(string connectionString, string prefix, bool demo) => new()
    {
        ["ConnectionStrings:Delivery"] = connectionString,
        ["ConnectionStrings:Redis"] = TestServices.Redis,
        ["SignalR:ChannelPrefix"] = prefix,
        ["Demo:Enabled"] = demo ? "true" : "false",
        ["Auth:BootstrapAdministrator"] = Admin,
        ["Auth:BootstrapPassword"] = AdminPassword,
        ["Auth:TrustedProxies:0"] = "127.0.0.1",
        ["Auth:SignInPermitsPerMinute"] = "1000",
        ["RoadNetwork:LoadOnStart"] = "false",
        ["Planning:PollSeconds"] = "0.2",
        ["Planning:HeartbeatSeconds"] = "1",
        ["Planning:StaleAfterSeconds"] = "5",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task Two_nodes_started_together_migrate_once_and_a_sign_in_on_one_works_on_the_other_and_through_nginx()
    {
        // An empty schema: both nodes find every migration pending at the same moment.
        var schema = "t_" + Guid.NewGuid().ToString("N");
        var cs = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { SearchPath = $"{schema},public" }.ConnectionString;
        var settings = Settings(cs, "nodes-" + Guid.NewGuid().ToString("N"), demo: false);
        try
        {
            await using var a = NodeProcess.Start(settings);
            await using var b = NodeProcess.Start(settings);
            await Task.WhenAll(a.WaitReadyAsync(TimeSpan.FromSeconds(120)), b.WaitReadyAsync(TimeSpan.FromSeconds(120)));

            await using (var db = NpgsqlDataSource.Create(cs))
            {
                await using var versions = db.CreateCommand("""SELECT count(*), count(DISTINCT "Version") FROM "VersionInfo" """);
                await using var reader = await versions.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
                Assert.True(reader.GetInt64(0) >= 10, "every migration applied");
            }

            // A bearer token issued by node A is accepted by node B (one key ring in Redis, sessions in PostgreSQL).
            using var toA = new HttpClient { BaseAddress = a.Address };
            var signIn = await toA.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = Admin, password = AdminPassword });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            using var toB = new HttpClient { BaseAddress = b.Address };
            toB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await toB.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
            Assert.Equal(Admin, me.GetProperty("userName").GetString());

            // Through nginx: a cookie sign-in, the affinity cookie nginx hands out, and the session cookie accepted on
            // whichever node a later request lands (each affinity value below hashes to one of the two).
            await using var nginx = await NginxProcess.StartAsync([a.Port, b.Port]);
            var jar = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = nginx.Address };
            var cookieSignIn = await browser.PostAsJsonAsync("/api/v1/auth/sign-in?useCookies=true", new { userName = Admin, password = AdminPassword });
            Assert.Equal(HttpStatusCode.OK, cookieSignIn.StatusCode);
            var cookies = jar.GetCookies(nginx.Address);
            Assert.NotNull(cookies["delivery_node"]);
            var session = cookies.Cast<Cookie>().Single(c => c.Name != "delivery_node");
            for (var i = 0; i < 8; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(nginx.Address, "/api/v1/auth/me"));
                request.Headers.Add("Cookie", $"delivery_node=affinity-{i}; {session.Name}={session.Value}");
                using var http = new HttpClient();
                var answer = await http.SendAsync(request);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"affinity-{i}: {answer.StatusCode} {nginx.ErrorLog()}");
            }

            // A node that dies is skipped: requests through nginx go on being answered by the other.
            a.Kill();
            for (var i = 0; i < 8; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(nginx.Address, "/api/v1/auth/me"));
                request.Headers.Add("Cookie", $"delivery_node=affinity-{i}; {session.Name}={session.Value}");
                using var http = new HttpClient();
                Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
            }
        }
        finally
        {
            await using var connection = new NpgsqlConnection(TestServices.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_planning_job_whose_node_is_killed_finishes_on_the_other_node_once()
    {
        await using var database = new TestDatabase();
        var prefix = "nodes-" + Guid.NewGuid().ToString("N");
        await using var a = NodeProcess.Start(Settings(database.ConnectionString, prefix, demo: true));
        await a.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await using var b = NodeProcess.Start(Settings(database.ConnectionString, prefix, demo: true));
        await b.WaitReadyAsync(TimeSpan.FromSeconds(120));
        // The demo's own evening jobs (one per start) are let finish first.
        await WaitForAsync(database, "SELECT 1::bigint WHERE NOT EXISTS (SELECT 1 FROM planning_jobs WHERE status IN ('queued', 'running'))", TimeSpan.FromSeconds(120));
        var (depot, date) = ((long)(await database.ScalarAsync("SELECT depot_id FROM planning_jobs ORDER BY id LIMIT 1"))!,
            (DateOnly)(await database.ScalarAsync("SELECT plan_date FROM planning_jobs ORDER BY id LIMIT 1"))!);
        var versionsBefore = (long)(await database.ScalarAsync("SELECT count(*) FROM plan_versions"))!;

        using var http = new HttpClient { BaseAddress = a.Address };
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "demo", password = "demo-password" });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var started = await http.PostAsync($"/api/v1/depots/{depot}/plans?date={date:yyyy-MM-dd}&timeLimitSeconds=40", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Whichever node claimed it (planning_jobs.claimed_by names host and process) is killed mid-search.
        await WaitForAsync(database, $"SELECT id FROM planning_jobs WHERE id = {job} AND status = 'running'", TimeSpan.FromSeconds(30));
        var runner = (string)(await database.ScalarAsync($"SELECT claimed_by FROM planning_jobs WHERE id = {job}"))!;
        var (victim, survivor) = runner.EndsWith("/" + a.ProcessId, StringComparison.Ordinal) ? (a, b) : (b, a);
        Assert.EndsWith("/" + victim.ProcessId, runner);
        victim.Kill();

        // The survivor sees the heartbeat stop, re-queues the job and runs it to the end.
        await WaitForAsync(database, $"SELECT id FROM planning_jobs WHERE id = {job} AND status IN ('succeeded', 'failed', 'cancelled')", TimeSpan.FromSeconds(300));
        Assert.Equal("succeeded", await database.ScalarAsync($"SELECT status FROM planning_jobs WHERE id = {job}"));
        Assert.Equal(2, await database.ScalarAsync($"SELECT attempts FROM planning_jobs WHERE id = {job}"));
        Assert.EndsWith("/" + survivor.ProcessId, (string)(await database.ScalarAsync($"SELECT claimed_by FROM planning_jobs WHERE id = {job}"))!);
        // Once: one plan version came of it (the killed attempt wrote none).
        Assert.Equal(versionsBefore + 1, await database.ScalarAsync("SELECT count(*) FROM plan_versions"));
        Assert.IsType<long>(await database.ScalarAsync($"SELECT result_version_id FROM planning_jobs WHERE id = {job}"));
        Assert.False(survivor.HasExited, survivor.Output);
    }

    [Fact]
    public async Task A_customer_on_one_node_sees_the_ETA_move_while_the_courier_sends_to_the_other()
    {
        await using var database = new TestDatabase();
        var prefix = "nodes-" + Guid.NewGuid().ToString("N");
        // Both nodes on one simulated clock (same start, speed and anchor: they read the same time), today at 09:00 in
        // Lisbon, 20× real time, so the demo's day (shifts from the next quarter hour) starts within seconds.
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, lisbon).DateTime);
        var nine = today.ToDateTime(new TimeOnly(9, 0));
        var clock = new SimulatedClock(new DateTimeOffset(nine, lisbon.GetUtcOffset(nine)), 20).ToConfiguration();
        var courierSide = Settings(database.ConnectionString, prefix, demo: true);
        courierSide["Demo:Simulate"] = "true";
        courierSide["Demo:SimulationOrders"] = "12";
        foreach (var (key, value) in clock)
        {
            courierSide[key] = value;
        }
        var customerSide = Settings(database.ConnectionString, prefix, demo: true);
        foreach (var (key, value) in clock)
        {
            customerSide[key] = value;
        }

        // Node A plans and publishes today's demo day and drives its couriers through its own courier hub.
        await using var a = NodeProcess.Start(courierSide);
        await a.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await using var b = NodeProcess.Start(customerSide);
        await b.WaitReadyAsync(TimeSpan.FromSeconds(120));
        var token = await a.WaitForOutputAsync(new System.Text.RegularExpressions.Regex(@"/t/([A-Za-z0-9_\-]+)"), TimeSpan.FromSeconds(300));

        // The customer follows the order on node B.
        var customer = new HubConnectionBuilder().WithUrl(new Uri(b.Address, "/hubs/live")).Build();
        var etas = new System.Collections.Concurrent.ConcurrentQueue<StopEtaUpdate>();
        customer.On<StopEtaUpdate>("Eta", etas.Enqueue);
        await customer.StartAsync();
        try
        {
            var view = await customer.InvokeAsync<CustomerView>("TrackOrder", token);
            Assert.NotNull(view.WindowStartUtc);
            // Positions the courier's tablet sends to node A move the ETA node B pushes to its customer.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(300);
            while (etas.Select(e => e.Eta).Distinct().Count() < 2 && DateTime.UtcNow < until)
            {
                await Task.Delay(250);
            }
            Assert.True(etas.Select(e => e.Eta).Distinct().Count() >= 2, $"ETAs pushed on node B: {etas.Count}{Environment.NewLine}{a.Output}");
            Assert.True((long)(await database.ScalarAsync("SELECT count(*) FROM positions"))! > 0, "the courier's fixes are stored");
        }
        finally
        {
            await customer.DisposeAsync();
        }
    }

    private static async Task<long> WaitForAsync(TestDatabase database, string sql, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await database.ScalarAsync(sql) is long id)
            {
                return id;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("never true: " + sql);
    }
}
