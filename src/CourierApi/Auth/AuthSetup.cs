using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// Cookies for browsers, bearer tokens for scripts, device tokens for couriers; a policy scheme picks by request.
/// Every endpoint needs an authenticated caller unless it says otherwise (fallback policy); the staff policies also
/// check the depot of every object a request names (<see cref="DepotAccessHandler"/>); every cookie and bearer token
/// is checked against its open session (<see cref="SessionClaims"/>).
/// </summary>
internal static class AuthSetup
{
    public const string SignInRateLimit = "sign-in";
    private const string Smart = "Delivery";

    public static WebApplicationBuilder AddDeliveryAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SignInAttempts>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IClaimsTransformation, SessionClaims>();
        services.AddHostedService<UserBootstrap>();
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

        var depots = new DepotAccessRequirement();
        services.AddSingleton<IAuthorizationHandler, DepotAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Dispatcher, Roles.Analyst, Roles.Administrator).AddRequirements(depots))
            .AddPolicy(Policies.Dispatcher, p => p.RequireRole(Roles.Dispatcher).AddRequirements(depots))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Courier, p => p
                .AddAuthenticationSchemes(CourierDeviceDefaults.Scheme)
                .RequireClaim(CourierDeviceDefaults.CourierIdClaim));

        // Behind a proxy the client's address comes from X-Forwarded-For, believed only from the configured proxies.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            // With no proxy listed the middleware would believe every peer: then it reads no header at all.
            o.ForwardedHeaders = auth.Value.TrustedProxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in auth.Value.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

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

    /// <summary>
    /// A fixed one-minute window of <paramref name="permits"/> requests per client address (the forwarded one behind a
    /// trusted proxy), no queue; <paramref name="scope"/> keeps limits that share a limiter apart.
    /// </summary>
    public static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, int permits, string scope = "") => RateLimitPartition.GetFixedWindowLimiter(
        scope + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
