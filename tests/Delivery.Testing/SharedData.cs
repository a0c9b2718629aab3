namespace Delivery.Testing;

/// <summary>
/// Locates the read-only shared data folder (<c>../shared/data</c> beside the checkout).
/// Set <c>DELIVERY_SHARED_DATA</c> to point elsewhere.
/// </summary>
public static class SharedData
{
    /// <summary>Absolute path of the shared data folder, or null when it is not present.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>Why a test that needs the shared data was skipped.</summary>
    public const string MissingReason =
        "shared data folder not found (../shared/data beside the checkout, or DELIVERY_SHARED_DATA): instances and OSM extracts unavailable";

    /// <summary>Path of a file under the shared data folder; throws a clear error if the folder is missing.</summary>
    public static string PathOf(params string[] parts)
    {
        if (Root is null)
        {
            throw new InvalidOperationException(
                "Shared data folder not found: expected ../shared/data beside the checkout or DELIVERY_SHARED_DATA.");
        }
        return Path.Combine([Root, .. parts]);
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("DELIVERY_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return Path.GetFullPath(env);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }
        return null;
    }
}
