namespace Delivery.CourierApi.Hosting;

/// <summary>
/// A request that cannot be carried out for a reason the client can act on. <see cref="DomainExceptionHandler"/>
/// turns it into a problem details response with <see cref="StatusCode"/>.
/// </summary>
internal abstract class DomainException(string title, string detail, int statusCode) : Exception(detail)
{
    public string Title { get; } = title;

    public int StatusCode { get; } = statusCode;

    /// <summary>Field → reasons, when the failure is about particular fields.</summary>
    public virtual IReadOnlyDictionary<string, string[]>? Errors => null;

    /// <summary>More members of the problem document (structured, beside <see cref="Errors"/>).</summary>
    public virtual IReadOnlyDictionary<string, object>? Extensions => null;
}

/// <summary>The resource does not exist (or is not visible to the caller).</summary>
internal sealed class NotFoundException(string what, object id)
    : DomainException("Not found", $"{what} {id} does not exist.", StatusCodes.Status404NotFound);

/// <summary>The request conflicts with the current state (a job already running, a cut-off passed, a stale version).</summary>
internal sealed class ConflictException(string title, string detail)
    : DomainException(title, detail, StatusCodes.Status409Conflict);

/// <summary>A field of the request is invalid in a way only the server can tell (unknown courier, unknown time zone).</summary>
internal sealed class FieldException(string field, string reason)
    : DomainException("Invalid request", $"{field}: {reason}", StatusCodes.Status400BadRequest)
{
    public override IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]> { [field] = [reason] };
}
