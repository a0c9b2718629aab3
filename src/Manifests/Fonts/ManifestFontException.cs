namespace Delivery.Manifests.Fonts;

/// <summary>A font the manifests need is missing or unreadable; the message names the package to install.</summary>
public sealed class ManifestFontException : Exception
{
    /// <summary>The Debian package that provides the fonts.</summary>
    public const string Package = "fonts-dejavu-core";

    /// <summary>Creates the error for a missing or unreadable font file.</summary>
    public ManifestFontException(string path, Exception? inner = null)
        : base($"Font file '{path}' is missing or unreadable. Manifests need DejaVu Sans from the Debian package "
            + $"{Package} (apt-get install {Package}), or set Manifests:FontDirectory to a folder holding DejaVuSans.ttf "
            + "and DejaVuSans-Bold.ttf.", inner)
    {
        FontPath = path;
    }

    /// <summary>The file that could not be read.</summary>
    public string FontPath { get; }
}
