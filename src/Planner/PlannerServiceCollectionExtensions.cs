using Delivery.Planner.Solving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Delivery.Planner;

/// <summary>Registers the planner.</summary>
public static class PlannerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IRoutePlanner"/> (singleton <see cref="OrToolsRoutePlanner"/>, stateless) timed by the
    /// container's <see cref="TimeProvider"/> (the system clock when none is registered). The search settings are not
    /// configuration: each call of <see cref="IRoutePlanner.Plan"/> takes its <see cref="SolverSettings"/>. The
    /// travel-time source is the host's choice (straight line or road network) and is registered there.
    /// </summary>
    public static IServiceCollection AddPlanner(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRoutePlanner>(sp => new OrToolsRoutePlanner(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
