using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Delivery.Tracking.Notifications;

/// <summary>
/// The webhook signature, the way Stripe signs its webhooks: header <c>Delivery-Signature: t=1733050000,v1=hex</c>
/// where hex is HMAC-SHA256 with the shared secret over <c>"{t}.{body}"</c>. A receiver recomputes it and refuses
/// a mismatch or a timestamp too far from its clock (replay).
/// </summary>
public static class WebhookSignature
{
    /// <summary>Name of the signature header.</summary>
    public const string Header = "Delivery-Signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Create(string secret, DateTimeOffset timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !parts.TryGetValue("v1", out var v1))
        {
            return false;
        }
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var expected = Create(secret, at, body);
        return (now - at).Duration() <= tolerance
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes($"t={t},v1={v1}"));
    }
}
