using Delivery.Manifests.Model;

namespace Delivery.Manifests;

/// <summary>Renders paper route manifests as PDF. Thread-safe; register as a singleton (<c>AddManifests()</c>).</summary>
public interface IManifestRenderer
{
    /// <summary>Writes one route's manifest (cover, stop list, one block per stop) to <paramref name="output"/>.</summary>
    void RenderRoute(ManifestRoute route, Stream output);

    /// <summary>
    /// Writes a plan's manifests, every route after the other, into one PDF to print in one go;
    /// each route starts on a new page and numbers its own pages.
    /// </summary>
    void RenderPlan(IReadOnlyList<ManifestRoute> routes, Stream output);
}
