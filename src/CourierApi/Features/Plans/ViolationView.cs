using System.Globalization;
using System.Text.Json;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>
/// A broken constraint as a code with its parameters, for pages to put into words in their own language (the
/// English sentence stays beside it for API clients). Codes: <c>late</c> (windowStart, windowEnd, arrival: instants;
/// minutes), <c>skill</c> (skills), <c>capacity</c> (dimension: weight|volume|items; load, capacity), <c>shiftOverrun</c>
/// (minutes; shiftEnd: instant), <c>maxDuration</c> (minutes, maxMinutes), <c>breakNotPlaced</c> (minutes; from, to:
/// instants), <c>other</c> (text). An edit's list adds courier, order and customer.
/// </summary>
/// <param name="Code">What is broken.</param>
/// <param name="Args">Its parameters: instants in ISO 8601 UTC, numbers invariant.</param>
public sealed record ViolationView(string Code, IReadOnlyDictionary<string, string> Args)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The same with the context of an edit's list added.</summary>
    internal ViolationView With(IEnumerable<KeyValuePair<string, string>> context) =>
        this with { Args = new Dictionary<string, string>(Args.Concat(context)) };

    internal static string? ToJson(IReadOnlyList<ViolationView> codes) => codes.Count == 0 ? null : JsonSerializer.Serialize(codes, Json);

    internal static IReadOnlyList<ViolationView> FromJson(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ViolationView>>(json, Json) ?? [];

    /// <summary>Parameters as stored beside an unassigned order.</summary>
    internal static string? ArgsToJson(IReadOnlyDictionary<string, string>? args) => args is null || args.Count == 0 ? null : JsonSerializer.Serialize(args, Json);

    internal static IReadOnlyDictionary<string, string> ArgsFromJson(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];
}
