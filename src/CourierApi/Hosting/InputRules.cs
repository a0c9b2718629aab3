using FluentValidation;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// Bounds shared by the host's validators: plan dates near today, windows near their plan date, text a later step can
/// print. One place, so the order form, the JSON batch, the CSV import, planning and shifts refuse the same values.
/// </summary>
internal static class InputRules
{
    /// <summary>Days back a plan date may lie (yesterday's paper, a late correction), counted from the UTC date.</summary>
    public const int PlanDaysBack = 2;

    /// <summary>Days ahead a plan date may lie.</summary>
    public const int PlanDaysAhead = 62;

    /// <summary>Hours a window may start before its plan date or end after it (windows are instants; zones reach ±14 h).</summary>
    public const int WindowSlackHours = 14;

    /// <summary>Why <paramref name="date"/> is no plan date at <paramref name="now"/>, or null.</summary>
    public static string? PlanDateProblem(DateOnly date, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return date < today.AddDays(-PlanDaysBack) || date > today.AddDays(PlanDaysAhead)
            ? $"{date:yyyy-MM-dd} is not near today: plan dates run from {today.AddDays(-PlanDaysBack):yyyy-MM-dd} to {today.AddDays(PlanDaysAhead):yyyy-MM-dd}"
            : null;
    }

    /// <summary>Throws a field error naming <paramref name="field"/> when <paramref name="date"/> is no plan date now.</summary>
    public static void EnsurePlanDate(DateOnly date, TimeProvider time, string field = "date")
    {
        if (PlanDateProblem(date, time.GetUtcNow()) is { } problem)
        {
            throw new FieldException(field, problem);
        }
    }

    /// <summary>True when a window lies on its plan date, give or take the widest zone offset.</summary>
    public static bool NearPlanDate(DateTimeOffset start, DateTimeOffset end, DateOnly planDate)
    {
        var dayStart = new DateTimeOffset(planDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-WindowSlackHours);
        var dayEnd = new DateTimeOffset(planDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(WindowSlackHours);
        return start >= dayStart && end <= dayEnd;
    }

    /// <summary>Text a manifest, a message or a page can show: no control characters (tabs and line breaks aside).</summary>
    public static IRuleBuilderOptions<T, string?> Printable<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is null || !s.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithMessage("must not contain control characters");
}
