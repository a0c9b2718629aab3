namespace Delivery.Manifests.Model;

/// <summary>Invariant checks shared by the manifest input records; every error names the field and the reason.</summary>
internal static class Guard
{
    public static string Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }
        return Optional(value, field, maxLength)!;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentOutOfRangeException(field, value.Length, $"{field} is {value.Length} characters long; at most {maxLength} are allowed.");
        }
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static double InRange(double value, double min, double max, string field)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} must be between {min} and {max}.");
        }
        return value;
    }

    public static decimal NotNegative(decimal value, string field) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(field, value, $"{field} must not be negative.");

    public static int Positive(int value, string field) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(field, value, $"{field} must be positive.");

    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? value, string field) =>
        value is null || value.Any(v => v is null)
            ? throw new ArgumentNullException(field, $"{field} must be a list without null entries.")
            : value;
}
