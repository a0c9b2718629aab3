using Delivery.CourierApi.Hosting;
using FluentValidation;

namespace Delivery.CourierApi.Features.Fleet;

/// <summary>A depot to create.</summary>
public sealed record CreateDepotRequest(string Code, string Name, string? Address, double Latitude, double Longitude, string TimeZone);

/// <summary>A depot.</summary>
public sealed record DepotResponse(long Id, string Code, string Name, string Address, double Latitude, double Longitude, string TimeZone);

/// <summary>Capacity or demand in the three dimensions the planner models.</summary>
public sealed record LoadDto(long WeightGrams, long VolumeCm3, long Items);

/// <summary>A vehicle to create.</summary>
public sealed record CreateVehicleRequest(string Code, LoadDto Capacity, IReadOnlyList<string>? Skills);

/// <summary>A vehicle.</summary>
public sealed record VehicleResponse(long Id, long DepotId, string Code, LoadDto Capacity, IReadOnlyList<string> Skills);

/// <summary>A courier to create.</summary>
public sealed record CreateCourierRequest(string Name, string? Phone, IReadOnlyList<string>? Skills);

/// <summary>A courier.</summary>
public sealed record CourierResponse(long Id, long DepotId, string Name, string? Phone, IReadOnlyList<string> Skills, bool Active);

/// <summary>A break inside a shift: may start between the two local times, lasts the given minutes.</summary>
public sealed record BreakDto(TimeOnly Earliest, TimeOnly Latest, int DurationMinutes);

/// <summary>A courier's shift on a date; times are local to the start depot.</summary>
public sealed record ShiftRequest(long VehicleId, TimeOnly Start, TimeOnly End, long? StartDepotId, long? EndDepotId, BreakDto? Break);

/// <summary>A courier's shift (instants in UTC).</summary>
public sealed record ShiftResponse(long Id, long CourierId, long VehicleId, DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    long StartDepotId, long EndDepotId, DateTimeOffset? BreakEarliest, DateTimeOffset? BreakLatest, int? BreakDurationSeconds);

/// <summary>A device to register for a courier.</summary>
public sealed record IssueDeviceRequest(string Name);

/// <summary>A new device token: shown once, only its hash is kept.</summary>
/// <param name="ExpiresAt">When the token stops working (<c>Auth:DeviceTokenDays</c> after issue); null: never.</param>
public sealed record DeviceTokenResponse(long DeviceId, long CourierId, string Token, DateTimeOffset? ExpiresAt = null);

internal sealed class CreateDepotRequestValidator : AbstractValidator<CreateDepotRequest>
{
    public CreateDepotRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Printable();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).Printable();
        // Printed on every manifest's cover: a blank address is refused here, not found as a 500 when printing.
        RuleFor(r => r.Address).NotEmpty().MaximumLength(500).Printable();
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90);
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180);
        RuleFor(r => r.TimeZone).NotEmpty().Must(Zones.IsKnown).WithMessage("must be a known IANA time zone (e.g. Europe/Lisbon)");
    }
}

internal sealed class LoadDtoValidator : AbstractValidator<LoadDto>
{
    public LoadDtoValidator()
    {
        RuleFor(l => l.WeightGrams).GreaterThanOrEqualTo(0);
        RuleFor(l => l.VolumeCm3).GreaterThanOrEqualTo(0);
        RuleFor(l => l.Items).GreaterThanOrEqualTo(0);
    }
}

internal sealed class CreateVehicleRequestValidator : AbstractValidator<CreateVehicleRequest>
{
    public CreateVehicleRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Printable();
        RuleFor(r => r.Capacity).NotNull().SetValidator(new LoadDtoValidator());
        RuleFor(r => r.Skills).Must(s => s is null || s.Count <= 20).WithMessage("at most 20 skills");
        RuleForEach(r => r.Skills).NotEmpty().MaximumLength(50);
    }
}

internal sealed class CreateCourierRequestValidator : AbstractValidator<CreateCourierRequest>
{
    public CreateCourierRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).Printable();
        RuleFor(r => r.Phone).MaximumLength(50).Printable();
        RuleFor(r => r.Skills).Must(s => s is null || s.Count <= 20).WithMessage("at most 20 skills");
        RuleForEach(r => r.Skills).NotEmpty().MaximumLength(50);
    }
}

internal sealed class ShiftRequestValidator : AbstractValidator<ShiftRequest>
{
    public ShiftRequestValidator()
    {
        RuleFor(r => r.VehicleId).GreaterThan(0);
        RuleFor(r => r.End).GreaterThan(r => r.Start).WithMessage("must be after start");
        When(r => r.Break is not null, () =>
        {
            RuleFor(r => r.Break!.DurationMinutes).InclusiveBetween(0, 240);
            RuleFor(r => r.Break!.Latest).GreaterThanOrEqualTo(r => r.Break!.Earliest).WithMessage("must not be before earliest");
        });
    }
}

internal sealed class IssueDeviceRequestValidator : AbstractValidator<IssueDeviceRequest>
{
    public IssueDeviceRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
}
