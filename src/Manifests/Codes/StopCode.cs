using System.Text;

namespace Delivery.Manifests.Codes;

/// <summary>
/// The code printed on a manifest stop (as text and as QR): route, plan version and stop sequence, written as
/// Crockford base-32 with a Luhn mod-32 check character, e.g. <c>0Y4K-G1R3</c> (8 characters while the route id is
/// below 8,192, up to 14 for the largest ids).
/// </summary>
/// <remarks>
/// Typing mistakes are caught: any single wrong character, and any swap of two neighbours except 0 with Z, fails the check.
/// Hyphens, spaces and case are ignored; O reads as 0 and I or L as 1.
/// </remarks>
public readonly record struct StopCode
{
    /// <summary>Largest route id a code can carry (2^41 − 1).</summary>
    public const long MaxRouteId = (1L << 41) - 1;

    /// <summary>Largest plan version a code can carry.</summary>
    public const int MaxPlanVersion = (1 << 12) - 1;

    /// <summary>Largest stop sequence a code can carry.</summary>
    public const int MaxSequence = (1 << 10) - 1;

    internal const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int LowBits = 22;
    private const ulong LowMask = (1UL << LowBits) - 1;
    private const ulong MixA = 0x2C9277B5 & LowMask | 1;
    private const ulong MixB = 0x1B873593 & LowMask | 1;
    private const int MinDataChars = 7;
    private const int MaxDataChars = 13;

    /// <summary>Creates a code; every part is range-checked.</summary>
    /// <param name="routeId">The route, 0 to <see cref="MaxRouteId"/>.</param>
    /// <param name="planVersion">The plan version printed, 1 to <see cref="MaxPlanVersion"/>.</param>
    /// <param name="sequence">The stop's 1-based position in the route, 1 to <see cref="MaxSequence"/>.</param>
    public StopCode(long routeId, int planVersion, int sequence)
    {
        RouteId = routeId is >= 0 and <= MaxRouteId
            ? routeId : throw new ArgumentOutOfRangeException(nameof(routeId), routeId, $"routeId must be between 0 and {MaxRouteId}.");
        PlanVersion = planVersion is >= 1 and <= MaxPlanVersion
            ? planVersion : throw new ArgumentOutOfRangeException(nameof(planVersion), planVersion, $"planVersion must be between 1 and {MaxPlanVersion}.");
        Sequence = sequence is >= 1 and <= MaxSequence
            ? sequence : throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"sequence must be between 1 and {MaxSequence}.");
    }

    /// <summary>The route.</summary>
    public long RouteId { get; }

    /// <summary>The plan version the manifest was printed from.</summary>
    public int PlanVersion { get; }

    /// <summary>The stop's 1-based position in the route.</summary>
    public int Sequence { get; }

    /// <summary>The code without separators, e.g. <c>0Y4KG1R3</c>; this is what the QR code holds.</summary>
    public string Compact
    {
        get
        {
            var value = ((ulong)RouteId << LowBits) | Mix(((ulong)PlanVersion << 10) | (uint)Sequence, RouteId);
            var data = new StringBuilder();
            for (; value > 0 || data.Length < MinDataChars; value >>= 5)
            {
                data.Insert(0, Alphabet[(int)(value & 31)]);
            }
            return data.Append(Alphabet[CheckValue(data.ToString())]).ToString();
        }
    }

    /// <summary>The code for people: <see cref="Compact"/> in groups of four, e.g. <c>0Y4K-G1R3</c>.</summary>
    public override string ToString()
    {
        var compact = Compact;
        var sb = new StringBuilder(compact.Length + 3);
        for (var i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                sb.Append('-');
            }
            sb.Append(compact[i]);
        }
        return sb.ToString();
    }

    /// <summary>Reads a code typed or scanned from paper; the result says why when it is not a stop code.</summary>
    public static StopCodeParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return StopCodeParseResult.Fail(StopCodeError.Empty, "The stop code is empty.");
        }
        var normal = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            if (ch is '-' or ' ')
            {
                continue;
            }
            var c = char.ToUpperInvariant(ch) switch { 'O' => '0', 'I' or 'L' => '1', var u => u };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return StopCodeParseResult.Fail(StopCodeError.InvalidCharacter, $"'{ch}' cannot appear in a stop code (digits and letters except U).");
            }
            normal.Append(c);
        }
        if (normal.Length < MinDataChars + 1 || normal.Length > MaxDataChars + 1)
        {
            return StopCodeParseResult.Fail(StopCodeError.WrongLength,
                $"A stop code has {MinDataChars + 1} to {MaxDataChars + 1} characters; this one has {normal.Length}.");
        }
        var s = normal.ToString();
        if (CheckValue(s[..^1]) != Alphabet.IndexOf(s[^1], StringComparison.Ordinal))
        {
            return StopCodeParseResult.Fail(StopCodeError.CheckFailed,
                $"The check character of '{text.Trim()}' does not match: a character is mistyped or two are swapped.");
        }
        ulong value = 0;
        foreach (var c in s[..^1])
        {
            if (value >> 58 != 0)
            {
                return StopCodeParseResult.Fail(StopCodeError.OutOfRange, "The stop code's number is too large.");
            }
            value = (value << 5) | (uint)Alphabet.IndexOf(c, StringComparison.Ordinal);
        }
        var route = (long)(value >> LowBits);
        var low = Unmix(value & LowMask, route);
        var version = (int)((low >> 10) & MaxPlanVersion);
        var sequence = (int)(low & MaxSequence);
        if (value >> 63 != 0 || version == 0 || sequence == 0)
        {
            return StopCodeParseResult.Fail(StopCodeError.OutOfRange, "The stop code does not name a plan version and a stop.");
        }
        return StopCodeParseResult.Ok(new StopCode(route, version, sequence));
    }

    /// <summary>
    /// Parses <paramref name="text"/> and checks it belongs to <paramref name="expectedRouteId"/> as currently
    /// published (<paramref name="currentPlanVersion"/>); the result's reason says why a code is refused.
    /// </summary>
    public static StopCodeParseResult Verify(string? text, long expectedRouteId, int currentPlanVersion)
    {
        var parsed = Parse(text);
        if (parsed.Code is not { } code)
        {
            return parsed;
        }
        if (code.RouteId != expectedRouteId)
        {
            return StopCodeParseResult.Fail(StopCodeError.WrongRoute,
                $"Stop code {code} belongs to route {code.RouteId}, not to route {expectedRouteId}.", code);
        }
        if (code.PlanVersion < currentPlanVersion)
        {
            return StopCodeParseResult.Fail(StopCodeError.OutdatedPlanVersion,
                $"Stop code {code} was printed from plan version {code.PlanVersion}; the route is now at version {currentPlanVersion}. Use the current manifest.", code);
        }
        if (code.PlanVersion > currentPlanVersion)
        {
            return StopCodeParseResult.Fail(StopCodeError.UnknownPlanVersion,
                $"Stop code {code} names plan version {code.PlanVersion}, which is newer than the route's version {currentPlanVersion}.", code);
        }
        return parsed;
    }

    /// <summary>
    /// Scrambles the version and sequence bits (a bijection on 22 bits, keyed by the route) so that neighbouring stops,
    /// and the same stop in another plan version, get codes that look clearly different on paper.
    /// </summary>
    private static ulong Mix(ulong low, long route)
    {
        var x = (low ^ RouteKey(route)) * MixA & LowMask;
        x ^= x >> 11;
        return x * MixB & LowMask;
    }

    private static ulong Unmix(ulong mixed, long route)
    {
        var x = mixed * Inverse(MixB) & LowMask;
        x ^= x >> 11; // x ^ (x >> 11) is its own inverse on 22 bits
        return (x * Inverse(MixA) & LowMask) ^ RouteKey(route);
    }

    private static ulong RouteKey(long route) => ((ulong)route * 0x9E3779B97F4A7C15UL) >> (64 - LowBits);

    /// <summary>Multiplicative inverse of an odd number modulo 2^22 (Newton's iteration doubles the correct bits).</summary>
    private static ulong Inverse(ulong a)
    {
        var x = a;
        for (var i = 0; i < 5; i++)
        {
            x *= 2 - (a * x);
        }
        return x & LowMask;
    }

    /// <summary>Luhn mod 32 over the data characters: the value that makes the whole code check to zero.</summary>
    private static int CheckValue(string data)
    {
        int sum = 0, factor = 2;
        for (var i = data.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(data[i], StringComparison.Ordinal);
            sum += (addend / 32) + (addend % 32);
            factor = factor == 2 ? 1 : 2;
        }
        return (32 - (sum % 32)) % 32;
    }
}
