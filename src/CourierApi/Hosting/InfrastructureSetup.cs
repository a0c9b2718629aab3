using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Delivery.CourierApi.Data.Migrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using FluentValidation;
using Npgsql;
using Serilog;
using StackExchange.Redis;

namespace Delivery.CourierApi.Hosting;

/// <summary>Connection strings (section <c>ConnectionStrings</c>); both are required at start.</summary>
internal sealed class ConnectionStringsOptions
{
    public const string Section = "ConnectionStrings";

    [Required(ErrorMessage = "ConnectionStrings:Delivery (PostgreSQL) is required")]
    public string Delivery { get; set; } = "";

    [Required(ErrorMessage = "ConnectionStrings:Redis is required")]
    public string Redis { get; set; } = "";
}

/// <summary>Logging, clock, options, PostgreSQL, Redis, health checks, problem details and migrations.</summary>
internal static class InfrastructureSetup
{
    public static WebApplicationBuilder AddDeliveryInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Structured logs: properties stay fields (Serilog), not text; levels from configuration.
        // Sinks registered as services (ILogEventSink: tests, an operator's own) are added to those configured.
        services.AddSerilog((sp, log) => log
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        services.AddSingleton(ClockSetup.Create(configuration));
        AddValidatedOptions<ConnectionStringsOptions>(services, ConnectionStringsOptions.Section);
        AddValidatedOptions<OrdersOptions>(services, OrdersOptions.Section);
        AddValidatedOptions<PlanningOptions>(services, PlanningOptions.Section);
        AddValidatedOptions<AuthOptions>(services, AuthOptions.Section);

        // One pooled data source and one Redis connection per process.
        services.AddSingleton(sp =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(RequiredConnectionString(configuration, "Delivery"));
            dataSource.UseNetTopologySuite();
            dataSource.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return dataSource.Build();
        });
        services.AddSingleton<IConnectionMultiplexer>(_ =>
            ConnectionMultiplexer.Connect(RequiredConnectionString(configuration, "Redis") + ",abortConnect=false"));

        // One data-protection key ring for every node, in Redis: a cookie or bearer token issued by one node works on
        // another and after a restart. The key defaults to the deployment's SignalR prefix (one ring per deployment).
        var keyRing = configuration["DataProtection:RedisKey"] ?? (configuration["SignalR:ChannelPrefix"] ?? "delivery") + ":data-protection-keys";
        services.AddDataProtection().SetApplicationName("Delivery");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), keyRing));

        services.AddHealthChecks()
            .AddNpgSql(tags: ["ready"], name: "postgresql")
            .AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: ["ready"]);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<DomainExceptionHandler>();
        // A body or parameter that cannot be read reaches the handler above, which names the field (not an empty 400).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidatorsFromAssemblyContaining<DomainException>(ServiceLifetime.Singleton, includeInternalTypes: true);

        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            // Registered before every other hosted service so the schema is current before workers start.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => new MigrationHostedService(
                RequiredConnectionString(configuration, "Delivery"), sp.GetRequiredService<ILogger<MigrationHostedService>>())));
        }
        return builder;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}

/// <summary>Applies pending migrations when the host starts.</summary>
internal sealed partial class MigrationHostedService(string connectionString, ILogger<MigrationHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var schema = DatabaseMigrator.Migrate(connectionString);
        LogMigrated(schema);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema {Schema} is up to date")]
    private partial void LogMigrated(string schema);
}
