namespace Delivery.Manifests;

/// <summary>Paper sizes a manifest can be printed on (portrait).</summary>
public enum PaperSize
{
    /// <summary>ISO A4, 210 × 297 mm.</summary>
    A4,

    /// <summary>US Letter, 8.5 × 11 in.</summary>
    Letter,
}
