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

    /// <summary>
    /// One route's manifest as PDF bytes. Use this in an HTTP handler (<c>TypedResults.File(bytes, "application/pdf")</c>):
    /// PDFsharp writes synchronously, which ASP.NET Core does not allow on the response body.
    /// </summary>
    byte[] RenderRoute(ManifestRoute route);

    /// <summary>A plan's manifests as one PDF, as bytes (see <see cref="RenderRoute(ManifestRoute)"/>).</summary>
    byte[] RenderPlan(IReadOnlyList<ManifestRoute> routes);
}
