using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// The real CourierApi host started as a child process (Release build, Kestrel on a free loopback port) over a schema
/// of its own, signed in as the demo dispatcher. The import verb measures through HTTP exactly what a client sees.
/// </summary>
internal sealed class ImportHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _postgres;
    private readonly string _schema;
    private readonly bool _keepSchema;

    private ImportHost(Process process, string postgres, string schema, bool keepSchema, HttpClient client)
    {
        _process = process;
        _postgres = postgres;
        _schema = schema;
        _keepSchema = keepSchema;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address => Client.BaseAddress!;

    /// <summary>The demo dispatcher's bearer token.</summary>
    public string Token => Client.DefaultRequestHeaders.Authorization!.Parameter!;

    public static Task<ImportHost> StartAsync(string postgres, string redis, int planSeconds) =>
        StartAsync(postgres, redis, planSeconds, "bench_import_" + Guid.NewGuid().ToString("N")[..12], new Dictionary<string, string>(), demo: true, keepSchema: false, build: true);

    /// <summary>
    /// Starts the host over <paramref name="schema"/> with extra configuration <paramref name="settings"/>; with
    /// <paramref name="demo"/> it seeds the demo (users included); with <paramref name="keepSchema"/> the schema
    /// outlives it (a second host goes on with the same data); without <paramref name="build"/> the host is not
    /// rebuilt (it starts sooner).
    /// </summary>
    /// <param name="signIn">Who the client signs in as (default the demo dispatcher, who exists only while the demo is on).</param>
    public static async Task<ImportHost> StartAsync(
        string postgres, string redis, int planSeconds, string schema, IReadOnlyDictionary<string, string> settings, bool demo, bool keepSchema, bool build,
        (string User, string Password)? signIn = null)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Results.Folder))!;
        var port = Delivery.Testing.Checkout.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", .. build ? Array.Empty<string>() : ["--no-build"], "--project", Path.Combine(root, "src", "CourierApi"), "--no-launch-profile",
            "--", "--urls", $"http://127.0.0.1:{port}", .. demo ? new[] { "--demo" } : []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["ConnectionStrings__Delivery"] = postgres + $";SearchPath={schema},public";
        start.Environment["ConnectionStrings__Redis"] = redis;
        start.Environment["Planning__TimeLimitSeconds"] = planSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Planning__Workers"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SignalR__ChannelPrefix"] = schema;
        start.Environment["Orders__MaxImportRows"] = "1000000";
        start.Environment["Auth__SignInPermitsPerMinute"] = "1000";
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        start.Environment["Serilog__MinimumLevel__Override__Delivery.CourierApi.Features.Orders.OrderWriter"] = "Debug";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CourierApi host");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains("CSV import", StringComparison.Ordinal) || line.Contains("Wrote ", StringComparison.Ordinal) || line.Contains("Planning job", StringComparison.Ordinal)))
            {
                Console.WriteLine("host: " + line);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        var host = new ImportHost(process, postgres, schema, keepSchema, client);
        var until = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the CourierApi host exited with code {process.ExitCode} before it answered");
            }
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the CourierApi host did not become ready within 5 minutes");
            }
            await Task.Delay(500);
        }
        var (user, password) = signIn ?? ("demo", "demo-password");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.SignInAsync(user, password));
        return host;
    }

    /// <summary>Signs in as <paramref name="user"/>; returns the bearer token.</summary>
    public async Task<string> SignInAsync(string user, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = Client.BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = user, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in as {user} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Waits for a planning job to finish; returns its final JSON.</summary>
    public async Task<JsonElement> WaitForJobAsync(long jobId)
    {
        while (true)
        {
            var job = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/planning-jobs/{jobId}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return job;
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_keepSchema)
        {
            return;
        }
        // Drop the benchmark's schema with psql (the verb keeps no database driver of its own).
        var builder = _postgres.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        using var psql = Process.Start(new ProcessStartInfo("psql", ["-h", builder.GetValueOrDefault("host", "127.0.0.1"), "-p", builder.GetValueOrDefault("port", "55432"),
            "-U", builder.GetValueOrDefault("username", "postgres"), "-d", builder.GetValueOrDefault("database", "delivery"), "-qc", $"DROP SCHEMA IF EXISTS {_schema} CASCADE"])
        { RedirectStandardOutput = true, RedirectStandardError = true });
        if (psql is not null)
        {
            await psql.WaitForExitAsync();
        }
    }

}
