namespace Delivery.CourierApi.Auth;

/// <summary>User roles and authorisation policy names.</summary>
internal static class Roles
{
    public const string Dispatcher = "dispatcher";
    public const string Analyst = "analyst";
}

internal static class Policies
{
    /// <summary>Dispatchers and analysts: read access to plans and orders.</summary>
    public const string Staff = "Staff";

    /// <summary>Dispatchers only: anything that changes orders, fleet or plans.</summary>
    public const string Dispatcher = "Dispatcher";

    /// <summary>A courier's device token (scheme <see cref="CourierDeviceDefaults.Scheme"/>), with claim <c>courier_id</c>.</summary>
    public const string Courier = "Courier";
}

/// <summary>Names shared with the tracking hub.</summary>
public static class CourierDeviceDefaults
{
    /// <summary>Authentication scheme of courier device tokens.</summary>
    public const string Scheme = "CourierDevice";

    /// <summary>Claim holding the courier's id.</summary>
    public const string CourierIdClaim = "courier_id";

    /// <summary>Claim holding the device's id.</summary>
    public const string DeviceIdClaim = "device_id";

    /// <summary>Every device token starts with this, so the default scheme can route it without a lookup.</summary>
    public const string TokenPrefix = "dev_";
}
