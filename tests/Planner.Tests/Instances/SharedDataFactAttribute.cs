using Delivery.Testing;

namespace Delivery.Planner.Tests.Instances;

/// <summary>A fact that needs ../shared/data; skipped, saying why, on a machine without it.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "shared data folder not found (../shared/data beside the checkout, or DELIVERY_SHARED_DATA): benchmark instances unavailable";
        }
    }
}
