using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// At start: without <c>--demo</c> the demo's users are disabled (they exist only while the demo is on); when no enabled
/// administrator exists and <see cref="AuthOptions.BootstrapAdministrator"/> is configured, that administrator is created.
/// </summary>
internal sealed partial class UserBootstrap(UserStore users, IOptions<AuthOptions> options, IConfiguration configuration, ILogger<UserBootstrap> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Enabled", false) && await users.DisableDemoUsersAsync(cancellationToken) is > 0 and var disabled)
        {
            LogDemoDisabled(disabled);
        }
        var o = options.Value;
        if (o.BootstrapAdministrator is { Length: > 0 } name && o.BootstrapPassword is { Length: > 0 } password
            && !await users.AnyAdministratorAsync(cancellationToken))
        {
            await users.UpsertAsync(name, name, Roles.Administrator, password, cancellationToken, allDepots: true);
            LogAdministratorCreated(name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo is off: {Count} demo users disabled")]
    private partial void LogDemoDisabled(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator existed: created {UserName} from Auth:BootstrapAdministrator")]
    private partial void LogAdministratorCreated(string userName);
}
