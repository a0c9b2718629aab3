using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Delivery.CourierApi.Tests.Hosting;

public sealed class RequestLogLevelTests
{
    [Fact]
    public void A_request_its_client_left_is_not_logged_as_a_server_error()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        var http = new DefaultHttpContext { RequestAborted = gone.Token };
        Assert.Equal(LogEventLevel.Debug, RequestLogRedaction.Level(http, 12, new OperationCanceledException(gone.Token)));
    }

    [Fact]
    public void Exceptions_and_5xx_stay_errors_and_the_rest_information()
    {
        // A cancellation the client did not cause (a timeout inside the server) is still an error.
        Assert.Equal(LogEventLevel.Error, RequestLogRedaction.Level(new DefaultHttpContext(), 12, new OperationCanceledException()));
        Assert.Equal(LogEventLevel.Error, RequestLogRedaction.Level(new DefaultHttpContext(), 12, new InvalidOperationException()));
        var failed = new DefaultHttpContext();
        failed.Response.StatusCode = 503;
        Assert.Equal(LogEventLevel.Error, RequestLogRedaction.Level(failed, 12, null));
        var ok = new DefaultHttpContext();
        ok.Response.StatusCode = 404;
        Assert.Equal(LogEventLevel.Information, RequestLogRedaction.Level(ok, 12, null));
    }
}
