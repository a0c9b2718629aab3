using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// Cookies for browsers, bearer tokens for scripts, device tokens for couriers; a policy scheme picks by request.
/// Every endpoint needs an authenticated caller unless it says otherwise (fallback policy).
/// </summary>
internal static class AuthSetup
{
    public const string SignInRateLimit = "sign-in";
    private const string Smart = "Delivery";

    public static WebApplicationBuilder AddDeliveryAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<UserStore>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                CourierDeviceHandler.ReadToken(context.Request) is not null ? CourierDeviceDefaults.Scheme
                : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? BearerTokenDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "delivery.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                // An API answers 401/403 rather than redirecting to a login page.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddBearerToken()
            .AddScheme<AuthenticationSchemeOptions, CourierDeviceHandler>(CourierDeviceDefaults.Scheme, null);
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => o.BearerTokenExpiration = TimeSpan.FromHours(auth.Value.TokenLifetimeHours));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Dispatcher, Roles.Analyst))
            .AddPolicy(Policies.Dispatcher, p => p.RequireRole(Roles.Dispatcher))
            .AddPolicy(Policies.Courier, p => p
                .AddAuthenticationSchemes(CourierDeviceDefaults.Scheme)
                .RequireClaim(CourierDeviceDefaults.CourierIdClaim));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new()
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = context.HttpContext.Request.Path.StartsWithSegments("/api/v1/auth")
                        ? new() { Status = 429, Title = "Too many sign-in attempts", Detail = "Wait a minute and try again." }
                        : new() { Status = 429, Title = "Too many requests", Detail = "Too many requests from this address. Wait a minute and try again." },
                });
            };
            o.AddPolicy(SignInRateLimit, context =>
                PerAddressPerMinute(context, context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SignInPermitsPerMinute));
        });
        return builder;
    }

    /// <summary>A fixed one-minute window of <paramref name="permits"/> requests per client address, no queue.</summary>
    public static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, int permits) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
