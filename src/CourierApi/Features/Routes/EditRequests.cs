using Delivery.CourierApi.Features.Plans;
using FluentValidation;

namespace Delivery.CourierApi.Features.Routes;

/// <summary>
/// A hand edit of a plan version. <c>move</c>: put <see cref="OrderId"/> on <see cref="CourierId"/>'s route at
/// <see cref="Position"/> (1-based; end when null), from a route or from the unassigned list (<c>assign</c> is the same);
/// <c>swap</c>: exchange <see cref="OrderId"/> and <see cref="OtherOrderId"/>; <c>unassign</c>: take the order off its route.
/// An edit that breaks a window, capacity, skill or shift is refused unless <see cref="Confirm"/> is true; then it is kept and marked.
/// </summary>
public sealed record EditRequest(string Kind, long OrderId, long? CourierId = null, int? Position = null, long? OtherOrderId = null, bool Confirm = false);

/// <summary>The outcome of an applied edit: the version it is in (a new one when the edited version was published) and the re-timed routes.</summary>
/// <param name="Violations">What the kept edit breaks, in English.</param>
/// <param name="ViolationCodes">The same as codes with parameters (courier, order, customer added).</param>
public sealed record EditResult(long VersionId, int VersionNumber, bool NewVersion, IReadOnlyList<RouteView> ChangedRoutes, IReadOnlyList<string> Violations,
    IReadOnlyList<ViolationView> ViolationCodes);

/// <summary>Locks or unlocks a route: a re-plan keeps a locked route's exact sequence.</summary>
public sealed record LockRequest(bool Locked);

/// <summary>Pins an order to a courier (null courier removes the pin).</summary>
public sealed record PinRequest(long? CourierId);

internal sealed class EditRequestValidator : AbstractValidator<EditRequest>
{
    public EditRequestValidator()
    {
        RuleFor(r => r.Kind).Must(k => k is "move" or "assign" or "swap" or "unassign").WithMessage("must be move, assign, swap or unassign");
        RuleFor(r => r.OrderId).GreaterThan(0);
        RuleFor(r => r.CourierId).NotNull().When(r => r.Kind is "move" or "assign").WithMessage("is required to move or assign");
        RuleFor(r => r.OtherOrderId).NotNull().When(r => r.Kind == "swap").WithMessage("is required to swap");
        RuleFor(r => r.Position).GreaterThan(0);
    }
}
