using System.Security.Claims;
using Delivery.CourierApi.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Auth;

/// <summary>Sign-in for dispatchers and analysts.</summary>
/// <param name="UserName">Account name.</param>
/// <param name="Password">Password.</param>
public sealed record SignInRequest(string UserName, string Password);

/// <summary>The signed-in user.</summary>
/// <param name="AllDepots">Works for every depot.</param>
/// <param name="DepotIds">The depots the user works for (when not every depot).</param>
public sealed record CurrentUserResponse(string UserName, string DisplayName, string Role, bool AllDepots = false, IReadOnlyList<long>? DepotIds = null);

internal sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(200);
    }
}

internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInRateLimit).Validate<SignInRequest>()
            .WithSummary("Signs in: ?useCookies=true sets a cookie (browsers), otherwise answers a bearer token (scripts).");
        group.MapPost("/sign-out", SignOutAsync).WithSummary("Ends the session: its cookie and its bearer token stop working at once.");
        group.MapGet("/me", Me).RequireAuthorization(p => p.RequireRole(Roles.All)).WithSummary("Who is signed in, with role and depots.");
        return group;
    }

    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignInAsync(
        SignInRequest request, bool? useCookies, UserStore users, SessionStore sessions, SignInAttempts attempts, CancellationToken ct)
    {
        if (await attempts.IsLockedAsync(request.UserName))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
                detail: "Too many failed sign-ins for this account. Wait a few minutes and try again.");
        }
        var user = await users.VerifyAsync(request.UserName, request.Password, ct);
        if (user is null)
        {
            await attempts.FailedAsync(request.UserName);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "Unknown user name or wrong password.");
        }
        var session = await sessions.StartAsync(user.Id, ct);
        var scheme = useCookies == true ? CookieAuthenticationDefaults.AuthenticationScheme : BearerTokenDefaults.AuthenticationScheme;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.GivenName, user.DisplayName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(SessionClaims.SessionId, session),
            ], scheme);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: scheme);
    }

    internal static async Task<SignOutHttpResult> SignOutAsync(ClaimsPrincipal user, SessionStore sessions, CancellationToken ct)
    {
        if (user.FindFirstValue(SessionClaims.SessionId) is { Length: > 0 } session)
        {
            await sessions.EndAsync(session, ct);
        }
        return TypedResults.SignOut(authenticationSchemes: [CookieAuthenticationDefaults.AuthenticationScheme]);
    }

    internal static Ok<CurrentUserResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUserResponse(
        user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.GivenName) ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "",
        DepotClaims.HasAll(user), DepotClaims.Of(user)?.Order().ToList() ?? []));
}
