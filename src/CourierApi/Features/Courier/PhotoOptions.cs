using System.ComponentModel.DataAnnotations;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>Proof photos from the tablets (section <c>CourierPhotos</c>).</summary>
internal sealed class PhotoOptions
{
    public const string Section = "CourierPhotos";

    /// <summary>Largest photo accepted, bytes (the app sends JPEGs of at most 1600 px, typically 150–500 KB); more answers 413.</summary>
    [Range(1_024, 20 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>How far ahead of the host's clock a photo's <c>takenAt</c> may lie (the tablet's clock drifts), minutes.</summary>
    [Range(0, 1440)]
    public int ClockSkewMinutes { get; set; } = 10;
}
