namespace Delivery.CourierApi.Features.Manifests;

/// <summary>
/// What the host prints on manifests besides the plan (section <c>Manifests</c>, shared with the renderer's own
/// options: paper size, fonts).
/// </summary>
internal sealed class ManifestPrintOptions
{
    /// <summary>The dispatcher's phone printed on every page; "—" until configured.</summary>
    public string DispatcherPhone { get; set; } = "—";

    /// <summary>Currency code printed after amounts.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>True when couriers collect the order total at the door (cash on delivery); false when orders are prepaid.</summary>
    public bool CollectOnDelivery { get; set; }
}
