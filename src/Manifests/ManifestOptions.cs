using Delivery.Manifests.Fonts;

namespace Delivery.Manifests;

/// <summary>How manifests are printed; bound from the configuration section <see cref="Section"/>.</summary>
public sealed class ManifestOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Manifests";

    /// <summary>Paper size; A4 portrait unless set to <see cref="PaperSize.Letter"/>.</summary>
    public PaperSize PaperSize { get; set; } = PaperSize.A4;

    /// <summary>Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (Debian package fonts-dejavu-core).</summary>
    public string FontDirectory { get; set; } = DejaVuFonts.DefaultDirectory;

    /// <summary>
    /// For double-sided printing of a plan: a blank page is inserted where needed so every route starts on a
    /// front side and couriers' packs separate cleanly. Off by default.
    /// </summary>
    public bool StartRoutesOnFrontSide { get; set; }
}
