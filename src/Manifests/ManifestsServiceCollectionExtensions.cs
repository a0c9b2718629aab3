using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Delivery.Manifests;

/// <summary>Registers the manifest renderer.</summary>
public static class ManifestsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IManifestRenderer"/> (singleton) and <see cref="ManifestOptions"/>. Bind the options in the host
    /// (section <see cref="ManifestOptions.Section"/>) or pass <paramref name="configure"/>; the font folder is checked at start.
    /// </summary>
    public static IServiceCollection AddManifests(this IServiceCollection services, Action<ManifestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ManifestOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }
        builder.Validate(o => Enum.IsDefined(o.PaperSize), "Manifests:PaperSize must be A4 or Letter.")
            .Validate(o => File.Exists(Path.Combine(o.FontDirectory, "DejaVuSans.ttf")),
                "Manifests:FontDirectory must hold DejaVuSans.ttf (install the Debian package fonts-dejavu-core).")
            .ValidateOnStart();
        services.TryAddSingleton<IManifestRenderer>(sp => new ManifestRenderer(sp.GetRequiredService<IOptions<ManifestOptions>>()));
        return services;
    }
}
