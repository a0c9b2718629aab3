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
public sealed record CurrentUserResponse(string UserName, string DisplayName, string Role);

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
        group.MapPost("/sign-out", SignOutAsync).WithSummary("Ends a cookie session.");
        group.MapGet("/me", Me).RequireAuthorization(Policies.Staff).WithSummary("Who is signed in.");
        return group;
    }

    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignInAsync(
        SignInRequest request, bool? useCookies, UserStore users, CancellationToken ct)
    {
        var user = await users.VerifyAsync(request.UserName, request.Password, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "Unknown user name or wrong password.");
        }
        var scheme = useCookies == true ? CookieAuthenticationDefaults.AuthenticationScheme : BearerTokenDefaults.AuthenticationScheme;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.GivenName, user.DisplayName),
                new Claim(ClaimTypes.Role, user.Role),
            ], scheme);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: scheme);
    }

    internal static SignOutHttpResult SignOutAsync() =>
        TypedResults.SignOut(authenticationSchemes: [CookieAuthenticationDefaults.AuthenticationScheme]);

    internal static Ok<CurrentUserResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUserResponse(
        user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.GivenName) ?? "", user.FindFirstValue(ClaimTypes.Role) ?? ""));
}
