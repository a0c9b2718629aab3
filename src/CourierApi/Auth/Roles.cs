namespace Delivery.CourierApi.Auth;

/// <summary>User roles and authorisation policy names.</summary>
internal static class Roles
{
    public const string Dispatcher = "dispatcher";
    public const string Analyst = "analyst";

    /// <summary>Manages users (create, disable, reset password, assign depots and role); sees every depot.</summary>
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Dispatcher, Analyst, Administrator];
}

internal static class Policies
{
    /// <summary>Dispatchers, analysts and administrators: read access to plans and orders of the depots they work for.</summary>
    public const string Staff = "Staff";

    /// <summary>Dispatchers only: anything that changes orders, fleet or plans (of the depots they work for).</summary>
    public const string Dispatcher = "Dispatcher";

    /// <summary>Administrators only: user management.</summary>
    public const string Administrator = "Administrator";

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
