using FluentValidation;

namespace Delivery.CourierApi.Features.CustomerPage;

internal sealed class CustomerChoiceRequestValidator : AbstractValidator<CustomerChoiceRequest>
{
    public const int MaxNote = 300;

    public CustomerChoiceRequestValidator()
    {
        RuleFor(r => r.Kind).Must(k => CustomerChoices.All.Contains(k)).WithMessage("must be one of " + string.Join(", ", CustomerChoices.All));
        RuleFor(r => r.WindowStartUtc).NotNull().When(r => r.Kind == CustomerChoices.MoveWindow).WithMessage("required to move to another window");
        RuleFor(r => r.Date).NotNull().When(r => r.Kind == CustomerChoices.AnotherDay).WithMessage("required to choose another day");
        RuleFor(r => r.Note).Must(n => !string.IsNullOrWhiteSpace(n)).When(r => r.Kind is CustomerChoices.Neighbour or CustomerChoices.SafePlace)
            .WithMessage("say who or where, for the courier");
        RuleFor(r => r.Note).MaximumLength(MaxNote).WithMessage($"at most {MaxNote} characters");
    }
}

internal sealed class RatingRequestValidator : AbstractValidator<RatingRequest>
{
    public RatingRequestValidator()
    {
        RuleFor(r => r.Rating).InclusiveBetween(1, 5).WithMessage("must be 1 to 5");
        RuleFor(r => r.Comment).MaximumLength(2000).WithMessage("at most 2000 characters");
    }
}

internal sealed class CallbackDoneRequestValidator : AbstractValidator<CallbackDoneRequest>
{
    public CallbackDoneRequestValidator() => RuleFor(r => r.Outcome).MaximumLength(2000).WithMessage("at most 2000 characters");
}
