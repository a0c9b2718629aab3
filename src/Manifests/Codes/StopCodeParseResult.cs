namespace Delivery.Manifests.Codes;

/// <summary>The outcome of reading a stop code: the code, or the error and a reason a dispatcher understands.</summary>
/// <param name="Code">The code when accepted; for <see cref="StopCodeError.WrongRoute"/> and the plan-version errors, the code that was read.</param>
/// <param name="Error"><see cref="StopCodeError.None"/> when accepted.</param>
/// <param name="Reason">Why the code was refused; empty when accepted.</param>
public sealed record StopCodeParseResult(StopCode? Code, StopCodeError Error, string Reason)
{
    /// <summary>True when the code was accepted.</summary>
    public bool IsValid => Error == StopCodeError.None;

    internal static StopCodeParseResult Ok(StopCode code) => new(code, StopCodeError.None, "");

    internal static StopCodeParseResult Fail(StopCodeError error, string reason, StopCode? code = null) => new(code, error, reason);
}
