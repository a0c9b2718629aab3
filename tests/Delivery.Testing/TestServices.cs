namespace Delivery.Testing;

/// <summary>Connection settings of the real PostgreSQL and Redis the tests run against (scripts/services.sh).</summary>
public static class TestServices
{
    /// <summary>PostgreSQL connection string: <c>DELIVERY_TEST_PG</c> or the private cluster's default.</summary>
    public static string Postgres { get; } =
        Environment.GetEnvironmentVariable("DELIVERY_TEST_PG") is { Length: > 0 } pg
            ? pg
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=delivery_test";

    /// <summary>Redis endpoint: <c>DELIVERY_TEST_REDIS</c> or the private server's default.</summary>
    public static string Redis { get; } =
        Environment.GetEnvironmentVariable("DELIVERY_TEST_REDIS") is { Length: > 0 } r ? r : "127.0.0.1:56379";
}
