using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using FluentValidation;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>A promised time window (instants with offset; stored as UTC).</summary>
public sealed record WindowDto(DateTimeOffset Start, DateTimeOffset End);

/// <summary>One line of an order: what, how many, at what unit price.</summary>
public sealed record OrderItemDto(string Name, int Quantity, decimal UnitPrice);

/// <summary>An order to create for a depot and plan date.</summary>
public sealed record CreateOrderRequest(
    string ShopOrderId,
    DateOnly PlanDate,
    string Address,
    double Latitude,
    double Longitude,
    string CustomerName,
    IReadOnlyList<WindowDto>? Windows = null,
    LoadDto? Demand = null,
    IReadOnlyList<OrderItemDto>? Items = null,
    string? CustomerPhone = null,
    string? DeliveryNotes = null,
    int? ServiceSeconds = null,
    IReadOnlyList<string>? RequiredSkills = null,
    int Priority = 0,
    string? ShopId = null);

/// <summary>
/// An order as stored. <c>ReceivedAt</c>: when it was created; <c>Late</c>: created after its date's cut-off.
/// <c>TrackingToken</c>: the customer's tracking link token, only in the answer that creates the order (only its hash is kept).
/// </summary>
public sealed record OrderResponse(
    long Id, long DepotId, string ShopId, string ShopOrderId, DateOnly PlanDate, string Address, double Latitude, double Longitude,
    IReadOnlyList<WindowDto> Windows, int ServiceSeconds, LoadDto Demand, IReadOnlyList<string> RequiredSkills, int Priority,
    string CustomerName, string? CustomerPhone, string? DeliveryNotes, IReadOnlyList<OrderItemDto> Items, string? TrackingToken,
    string Status, long? PinnedCourierId, DateTimeOffset ReceivedAt, bool Late);

/// <summary>One rejected row of an import: the line (1-based, header is line 1 in CSV; array position in JSON), field and reason.</summary>
/// <param name="Reason">Why, in English.</param>
/// <param name="Code">
/// The reason as a code for pages to say in their language: <c>empty</c>, <c>tooLong</c> (max), <c>notNumber</c> (value),
/// <c>outOfRange</c> (value, min, max), <c>notTime</c> (value), <c>notAfterStart</c> (value, start, startColumn),
/// <c>windowHalf</c>, <c>notPlanDate</c> (value, planDate), <c>duplicate</c> (value, line), <c>tooManyRows</c> (max), <c>notItem</c> (value), <c>quantity</c> (value); <c>other</c>: only <paramref name="Reason"/>.
/// </param>
/// <param name="Args">The code's parameters.</param>
public sealed record RowError(int Line, string Field, string Reason, string Code = "other", IReadOnlyDictionary<string, string>? Args = null);

/// <summary>
/// Outcome of a batch or CSV import. <see cref="Created"/> new orders; <see cref="AlreadyImported"/> rows whose shop order id
/// the depot already had (left unchanged, so re-sending a file is harmless); every bad row in <see cref="Rejected"/>.
/// </summary>
public sealed record ImportReport(int Rows, int Created, int AlreadyImported, IReadOnlyList<RowError> Rejected);

internal sealed class WindowDtoValidator : AbstractValidator<WindowDto>
{
    public WindowDtoValidator()
    {
        RuleFor(w => w.End).GreaterThan(w => w.Start).WithMessage("must be after start");
        RuleFor(w => w.End).Must((w, end) => end - w.Start <= TimeSpan.FromHours(24)).WithMessage("a window lasts at most 24 hours");
    }
}

internal sealed class OrderItemDtoValidator : AbstractValidator<OrderItemDto>
{
    public OrderItemDtoValidator()
    {
        RuleFor(i => i.Name).NotEmpty().MaximumLength(200).Printable();
        RuleFor(i => i.Quantity).GreaterThan(0);
        RuleFor(i => i.UnitPrice).GreaterThanOrEqualTo(0).PrecisionScale(12, 2, ignoreTrailingZeros: true);
    }
}

internal sealed class CreateOrderRequestValidator : AbstractValidator<CreateOrderRequest>
{
    public const int MaxWindows = 10;
    public const int MaxItems = 200;

    public CreateOrderRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.ShopOrderId).NotEmpty().MaximumLength(100).Printable();
        RuleFor(r => r.ShopId).MaximumLength(100).Printable();
        RuleFor(r => r.PlanDate).Must(d => InputRules.PlanDateProblem(d, time.GetUtcNow()) is null)
            .WithMessage(r => InputRules.PlanDateProblem(r.PlanDate, time.GetUtcNow()));
        RuleFor(r => r.Address).NotEmpty().MaximumLength(500).Printable();
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90);
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180);
        RuleFor(r => r.CustomerName).NotEmpty().MaximumLength(200).Printable();
        RuleFor(r => r.CustomerPhone).MaximumLength(50).Printable();
        RuleFor(r => r.DeliveryNotes).MaximumLength(2000);
        RuleFor(r => r.ServiceSeconds).InclusiveBetween(0, 7200);
        RuleFor(r => r.Priority).InclusiveBetween(0, 10);
        RuleFor(r => r.Windows).Must(w => w is null || w.Count <= MaxWindows).WithMessage($"at most {MaxWindows} windows");
        RuleForEach(r => r.Windows).NotNull().WithMessage("the entry is empty").SetValidator(new WindowDtoValidator())
            .Must((r, w) => w is null || InputRules.NearPlanDate(w.Start, w.End, r.PlanDate))
            .WithMessage(r => $"a window lies on its plan date {r.PlanDate:yyyy-MM-dd} (give or take {InputRules.WindowSlackHours} h)");
        RuleFor(r => r.Items).Must(i => i is null || i.Count <= MaxItems).WithMessage($"at most {MaxItems} items");
        RuleForEach(r => r.Items).NotNull().WithMessage("the entry is empty").SetValidator(new OrderItemDtoValidator());
        RuleFor(r => r.RequiredSkills).Must(s => s is null || s.Count <= 20).WithMessage("at most 20 skills");
        RuleForEach(r => r.RequiredSkills).NotEmpty().MaximumLength(50);
        RuleFor(r => r.Demand!).SetValidator(new LoadDtoValidator()).When(r => r.Demand is not null);
    }
}
