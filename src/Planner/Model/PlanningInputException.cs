namespace Delivery.Planner.Model;

/// <summary>One thing wrong with a planning input: which entity, which field, and why.</summary>
/// <param name="Entity">"order", "vehicle", "depot", "lock" or "problem".</param>
/// <param name="Id">The id of the entity at fault (empty for the problem as a whole).</param>
/// <param name="Field">The field at fault, e.g. "windows[1]" or "demand.weight".</param>
/// <param name="Reason">What is wrong, in words a dispatcher understands.</param>
public sealed record InputError(string Entity, string Id, string Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Entity} '{Id}': {Field}: {Reason}";
}

/// <summary>Thrown when a planning problem is invalid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class PlanningInputException : Exception
{
    /// <summary>Creates the exception from the list of errors (at least one).</summary>
    public PlanningInputException(IReadOnlyList<InputError> errors)
        : base("Invalid planning input: " + string.Join("; ", errors.Take(10)) + (errors.Count > 10 ? $" (and {errors.Count - 10} more)" : ""))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InputError> Errors { get; }
}
