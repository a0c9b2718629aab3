namespace Delivery.Manifests.Codes;

/// <summary>Why a stop code was refused.</summary>
public enum StopCodeError
{
    /// <summary>The code was accepted.</summary>
    None,

    /// <summary>No code was given.</summary>
    Empty,

    /// <summary>A character that no stop code contains.</summary>
    InvalidCharacter,

    /// <summary>Too short or too long to be a stop code.</summary>
    WrongLength,

    /// <summary>The check character does not match: mistyped or swapped characters.</summary>
    CheckFailed,

    /// <summary>Well-formed but names no plan version or stop.</summary>
    OutOfRange,

    /// <summary>The code belongs to another route.</summary>
    WrongRoute,

    /// <summary>The code was printed from an older version of the plan.</summary>
    OutdatedPlanVersion,

    /// <summary>The code names a plan version newer than the route's.</summary>
    UnknownPlanVersion,
}
