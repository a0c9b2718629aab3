using Delivery.CourierApi.Features.Fleet;

namespace Delivery.CourierApi.Tests;

/// <summary>Request bodies used across tests (Porto, Europe/Lisbon).</summary>
internal static class Fixtures
{
    public static CreateDepotRequest Depot(string code) =>
        new(code + "-" + Guid.NewGuid().ToString("N")[..6], "Porto centre", "Praça da Liberdade", 41.1466, -8.6110, "Europe/Lisbon");
}
