using System.Diagnostics;

namespace Delivery.Benchmarks;

/// <summary>Starts the private PostgreSQL and Redis the way the scripts do, and reads their connection settings.</summary>
public static class Services
{
    /// <summary>Runs <c>scripts/services.sh install</c> and <c>start</c>; returns (PostgreSQL connection string, Redis endpoint).</summary>
    public static (string Postgres, string Redis) Start()
    {
        var root = Path.GetDirectoryName(Results.Folder)!;
        root = Path.GetDirectoryName(root)!;
        var script = Path.Combine(root, "scripts", "services.sh");
        Run(script, "install");
        Run(script, "start");
        var port = Environment.GetEnvironmentVariable("DELIVERY_PG_PORT") ?? "55432";
        var redisPort = Environment.GetEnvironmentVariable("DELIVERY_REDIS_PORT") ?? "56379";
        return ($"Host=127.0.0.1;Port={port};Username=postgres;Database=delivery;Timeout=30;Command Timeout=0", $"127.0.0.1:{redisPort}");
    }

    private static void Run(string script, string verb)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", [script, verb]) { RedirectStandardError = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {verb} failed with exit code {p.ExitCode}");
        }
    }
}
