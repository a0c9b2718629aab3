using System.Diagnostics;
using System.Text;
using Delivery.Testing;

namespace Delivery.EndToEnd.Tests.Nodes;

/// <summary>
/// Debian's nginx in front of the nodes, configured by the repository's <c>deploy/nginx.conf.template</c> — the file
/// <c>scripts/nodes.sh</c> uses — on a free loopback port, in the foreground, in a folder of its own.
/// </summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static async Task<NginxProcess> StartAsync(IEnumerable<int> nodePorts)
    {
        var folder = Directory.CreateTempSubdirectory("delivery-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers run as nobody: they must reach the folder (its temporary files, as the master makes them).
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
        var port = Checkout.FreeLoopbackPort();
        var upstreams = new StringBuilder();
        foreach (var p in nodePorts)
        {
            upstreams.Append("    server 127.0.0.1:").Append(p).AppendLine(" max_fails=1 fail_timeout=10s;");
        }
        var conf = (await File.ReadAllTextAsync(Path.Combine(Checkout.Root, "deploy", "nginx.conf.template")))
            .Replace("${NGINX_DIR}", folder, StringComparison.Ordinal)
            .Replace("${NGINX_PORT}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("${NGINX_UPSTREAMS}", upstreams.ToString().TrimEnd(), StringComparison.Ordinal);
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, conf);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-c", file, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start (scripts/services.sh install puts it on the machine)");
        var nginx = new NginxProcess(process, folder, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync() + nginx.ErrorLog());
            }
            try
            {
                await http.GetAsync(new Uri(nginx.Address, "/health/live"));
                return nginx;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("nginx is not listening: " + nginx.ErrorLog());
    }

    public string ErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a worker still closing a log: the temporary folder is left
        }
    }
}
