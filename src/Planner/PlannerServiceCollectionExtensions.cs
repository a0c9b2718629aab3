using Delivery.Planner.Solving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Delivery.Planner;

/// <summary>Registers the planner.</summary>
public static class PlannerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IRoutePlanner"/> (singleton <see cref="OrToolsRoutePlanner"/>, stateless) timed by the system
    /// clock: a time limit is compute time, never the host's clock, which tests pin and a simulated day accelerates
    /// (a pinned clock would let the search run forever, an accelerated one cut it short). The search settings are not
    /// configuration: each call of <see cref="IRoutePlanner.Plan"/> takes its <see cref="SolverSettings"/>. The
    /// travel-time source is the host's choice (straight line or road network) and is registered there.
    /// </summary>
    public static IServiceCollection AddPlanner(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRoutePlanner>(_ => new OrToolsRoutePlanner(TimeProvider.System));
        return services;
    }
}
