using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Delivery.CourierApi.Tests;

/// <summary>A webhook that never answers: a TCP listener on 127.0.0.1 that accepts connections, reads, and says nothing.</summary>
public sealed class HangingListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public HangingListener()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hooks/";
        _ = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>Connections accepted so far (each a send attempt that got no answer).</summary>
    public int Accepted => _held.Count;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var c in _held)
        {
            c.Dispose();
        }
        _stop.Dispose();
    }
}
