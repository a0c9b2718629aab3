using System.Diagnostics;
using System.Net;
using Delivery.Testing;

namespace Delivery.EndToEnd.Tests.Nodes;

/// <summary>
/// One real host node: the built <c>Delivery.CourierApi.dll</c> as a child process on a free loopback port, with the
/// settings given as environment variables (as an operator would start it). Killed with the whole process tree on dispose.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    /// <summary>The node's process id (what <c>planning_jobs.claimed_by</c> records after the host name).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the node printed (for a failing assertion's message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(40));
            }
        }
    }

    public static NodeProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var root = Checkout.Root;
        var dll = Path.Combine(root, "src", "CourierApi", "bin", "Release", "net10.0", "Delivery.CourierApi.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The host is not built at {dll} (./test.sh builds it).");
        }
        var port = Checkout.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.Combine(root, "src", "CourierApi"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (PostgreSQL and Redis reachable, migrations done).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"node on {Port} exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"node on {Port} not ready after {timeout}:{Environment.NewLine}{Output}");
    }

    /// <summary>Waits until the node prints a line matching <paramref name="pattern"/>; answers its first group.</summary>
    public async Task<string> WaitForOutputAsync(System.Text.RegularExpressions.Regex pattern, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            lock (_output)
            {
                foreach (var line in _output)
                {
                    if (pattern.Match(line) is { Success: true } m)
                    {
                        return m.Groups[1].Value;
                    }
                }
            }
            if (_process.HasExited)
            {
                break;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"node on {Port} never printed {pattern}:{Environment.NewLine}{Output}");
    }

    /// <summary>SIGKILL, as when a machine dies: no shutdown hooks, no last heartbeat.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400)
            {
                _output.RemoveRange(0, 200);
            }
        }
    }
}
