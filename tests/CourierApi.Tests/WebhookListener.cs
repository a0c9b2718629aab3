using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Delivery.CourierApi.Tests;

/// <summary>A real HTTP listener on 127.0.0.1 that records the JSON bodies POSTed to it.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookListener()
    {
        var port = Delivery.Testing.Checkout.FreeLoopbackPort();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    /// <summary>Every request's signature header and body as received.</summary>
    public ConcurrentQueue<(string? Signature, string Body)> Raw { get; } = new();

    /// <summary>
    /// The bodies matching <paramref name="match"/> once there are at least <paramref name="count"/> of them, or after a
    /// minute (real time) with what came; then a moment more, so a duplicate would be seen.
    /// </summary>
    public async Task<List<JsonElement>> WaitForAsync(Func<JsonElement, bool> match, int count)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (Received.Count(match) < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        await Task.Delay(500);
        return Received.Where(match).ToList();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                Raw.Enqueue((context.Request.Headers["Delivery-Signature"], body));
                Received.Enqueue(JsonDocument.Parse(body).RootElement.Clone());
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }


    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
