using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// A 403 for a depot the caller does not work for says so in problem details; a caller whose session has ended (now
/// anonymous, see <see cref="SessionClaims"/>) is challenged (401) rather than forbidden; everything else as the framework does.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is DepotAccessHandler) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails = new() { Status = StatusCodes.Status403Forbidden, Title = "Not your depot", Detail = reason.Message },
            });
            return;
        }
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
        {
            authorizeResult = PolicyAuthorizationResult.Challenge();
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
