using NpgsqlTypes;

namespace Delivery.CourierApi.Data;

/// <summary>The window a stop was planned into: <c>stops.window_index</c> into the order's windows sorted by start.</summary>
internal static class PromisedWindow
{
    /// <summary>SQL for the order's windows sorted by start (alias the orders table <c>o</c>).</summary>
    public const string SortedWindowsSql = "(SELECT coalesce(array_agg(w ORDER BY lower(w)), '{}') FROM unnest(o.windows) w)";

    /// <summary>Start and end (UTC) of the planned window, or nulls when the stop has none.</summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Read(Npgsql.NpgsqlDataReader r, int indexOrdinal, int windowsOrdinal)
    {
        var windows = r.Get<NpgsqlRange<DateTime>[]>(windowsOrdinal);
        var index = r.GetInt32(indexOrdinal);
        return index >= 0 && index < windows.Length
            ? (new DateTimeOffset(windows[index].LowerBound, TimeSpan.Zero), new DateTimeOffset(windows[index].UpperBound, TimeSpan.Zero))
            : (null, null);
    }
}
