using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Delivery.Manifests.Tests;

public sealed class ManifestsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddManifests_Defaults_ResolvesOneRendererA4()
    {
        using var provider = new ServiceCollection().AddManifests().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IManifestRenderer>(), provider.GetRequiredService<IManifestRenderer>());
        Assert.Equal(PaperSize.A4, provider.GetRequiredService<IOptions<ManifestOptions>>().Value.PaperSize);
    }

    [Fact]
    public void AddManifests_FontFolderMissing_OptionsValidationNamesThePackage()
    {
        using var provider = new ServiceCollection()
            .AddManifests(o => o.FontDirectory = "/nonexistent/fonts")
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ManifestOptions>>().Value);
        Assert.Contains("fonts-dejavu-core", e.Message);
    }
}
