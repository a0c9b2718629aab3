using System.Net;
using System.Net.Sockets;

namespace Delivery.Testing;

/// <summary>Facts about the checkout the tests and benchmarks run from.</summary>
public static class Checkout
{
    /// <summary>The checkout's root (the folder holding <c>Delivery.sln</c>), found upwards from the binary.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A loopback TCP port free at the moment of asking (the OS picks it), for a server a test or benchmark starts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Delivery.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Delivery.sln not found above " + AppContext.BaseDirectory);
    }
}
