namespace Delivery.Benchmarks.Quality;

/// <summary>Finds the read-only shared data (<c>../shared/data</c> beside the checkout, or <c>DELIVERY_SHARED_DATA</c>).</summary>
internal static class DataFolder
{
    /// <summary>Path of <paramref name="parts"/> under the shared data folder; throws naming where it looked.</summary>
    public static string PathOf(params string[] parts)
    {
        var env = Environment.GetEnvironmentVariable("DELIVERY_SHARED_DATA");
        var starts = new[] { env, Results.Folder }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { dir.FullName, Path.Combine(dir.FullName, "shared", "data") })
                {
                    if (Directory.Exists(Path.Combine(candidate, "solomon")))
                    {
                        return Path.Combine([candidate, .. parts]);
                    }
                }
            }
        }
        throw new DirectoryNotFoundException("Shared data not found: expected ../shared/data beside the checkout (with solomon/ and homberger/), or set DELIVERY_SHARED_DATA.");
    }
}
