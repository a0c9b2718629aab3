using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>
/// How shops' spreadsheets write things: the file's encoding (UTF-8 with or without BOM, else Windows-1251), numbers
/// with a decimal comma or point (spaces as thousands separators), times as <c>9:00</c>, <c>09.00</c>, <c>9h00</c>,
/// <c>9:00 AM</c>, dates as <c>2026-12-01</c>, <c>01.12.2026</c> or <c>01/12/2026</c> (day first).
/// </summary>
internal static partial class ShopFormats
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "yyyy/MM/dd"];

    /// <summary>The text of an uploaded file and the encoding it was read in (<c>utf-8-bom</c>, <c>utf-8</c>, <c>windows-1251</c>).</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8.GetString(bytes, 3, bytes.Length - 3), "utf-8-bom");
        }
        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Russian and Ukrainian spreadsheets save "CSV" in the ANSI code page, Windows-1251.
            var cp1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
            return (cp1251.GetString(bytes), "windows-1251");
        }
    }

    /// <summary>A number written with a decimal comma or point; spaces (also no-break) between digit groups are ignored.</summary>
    public static bool TryNumber(string text, out double value)
    {
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        var comma = s.LastIndexOf(',');
        var point = s.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
        {
            // Both: the later one is the decimal separator, the other groups thousands (1.234,56 or 1,234.56).
            s = comma > point ? s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            s = s.Replace(',', '.');
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>A time of day: <c>9:00</c>, <c>09:00:00</c>, <c>09.00</c>, <c>9h00</c>, <c>9:00 AM</c>, <c>9 pm</c>, <c>21:30</c>.</summary>
    public static bool TryTime(string text, out TimeOnly time)
    {
        time = default;
        var m = TimePattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            var pm = char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (!m.Groups["m"].Success)
        {
            return false; // a bare "9" is a number, not a time
        }
        if (hour == 24 && minute == 0 && second == 0)
        {
            time = TimeOnly.MaxValue; // "24:00", the end of the day
            return true;
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <summary>A calendar date, year first or day first.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A local date and time: a date, then a space or <c>T</c>, then a time as <see cref="TryTime"/> reads it.</summary>
    public static bool TryDateTime(string text, out DateOnly date, out TimeOnly time)
    {
        (date, time) = (default, default);
        var m = DateTimePattern().Match(text.Trim());
        return m.Success && TryDate(m.Groups["d"].Value, out date) && TryTime(m.Groups["t"].Value, out time);
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.h](?<m>\d{2})(?::(?<s>\d{2}))?)?\s*(?<ampm>[aApP]\.?\s?[mM]\.?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<d>\d{1,4}[-./]\d{1,2}[-./]\d{1,4})[ T]+(?<t>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
