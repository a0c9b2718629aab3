using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Auth;

/// <summary>A new user.</summary>
/// <param name="Role"><c>dispatcher</c>, <c>analyst</c> or <c>administrator</c>.</param>
/// <param name="AllDepots">Works for every depot, including ones created later.</param>
/// <param name="DepotIds">The depots the user works for (ignored for administrators, who see every depot).</param>
public sealed record CreateUserRequest(string UserName, string DisplayName, string Role, string Password, bool AllDepots = false,
    IReadOnlyList<long>? DepotIds = null);

/// <summary>A user's role, name and depots (replaced as a whole).</summary>
public sealed record UpdateUserRequest(string DisplayName, string Role, bool AllDepots = false, IReadOnlyList<long>? DepotIds = null);

/// <summary>A new password set by an administrator; the user's sessions end.</summary>
public sealed record ResetPasswordRequest(string Password);

internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9._@-]+$")
            .WithMessage("letters, digits and . _ @ - only");
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Role).Must(r => Roles.All.Contains(r)).WithMessage($"must be one of {string.Join(", ", Roles.All)}");
        RuleFor(r => r.Password).NotEmpty().MinimumLength(10).MaximumLength(200);
        RuleFor(r => r.DepotIds).Must(d => d is null || d.Count <= 1000).WithMessage("at most 1000 depots");
    }
}

internal sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Role).Must(r => Roles.All.Contains(r)).WithMessage($"must be one of {string.Join(", ", Roles.All)}");
        RuleFor(r => r.DepotIds).Must(d => d is null || d.Count <= 1000).WithMessage("at most 1000 depots");
    }
}

internal sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator() => RuleFor(r => r.Password).NotEmpty().MinimumLength(10).MaximumLength(200);
}

/// <summary>User administration (administrators only): create, change role and depots, reset password, disable, enable.</summary>
internal static class UserAdminEndpoints
{
    public static RouteGroupBuilder MapUserAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", async (UserStore users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct)))
            .WithName("ListUsers").WithSummary("Every user with role, depots and whether disabled.");
        group.MapPost("/", CreateAsync).Validate<CreateUserRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateUser").WithSummary("Creates a dispatcher, analyst or administrator.");
        group.MapGet("/{userId:long}", async (long userId, UserStore users, CancellationToken ct) => TypedResults.Ok(await users.GetAsync(userId, ct)))
            .WithName("GetUser").WithSummary("One user.");
        group.MapPut("/{userId:long}", UpdateAsync).Validate<UpdateUserRequest>()
            .WithName("UpdateUser").WithSummary("Replaces a user's display name, role and depots (applies from the user's next request).");
        group.MapPost("/{userId:long}/password", ResetPasswordAsync).Validate<ResetPasswordRequest>()
            .WithName("ResetUserPassword").WithSummary("Sets a new password; the user's sessions end.");
        group.MapPost("/{userId:long}/disable", DisableAsync).WithName("DisableUser").WithSummary("Disables a user; the user's sessions end at once.");
        group.MapPost("/{userId:long}/enable", EnableAsync).WithName("EnableUser").WithSummary("Enables a disabled user.");
        return group;
    }

    internal static async Task<CreatedAtRoute<UserView>> CreateAsync(CreateUserRequest request, UserStore users, CancellationToken ct)
    {
        var user = await users.CreateAsync(request, ct);
        return TypedResults.CreatedAtRoute(user, "GetUser", new { userId = user.Id });
    }

    internal static async Task<Ok<UserView>> UpdateAsync(long userId, UpdateUserRequest request, ClaimsPrincipal caller, UserStore users, CancellationToken ct)
    {
        if (IsSelf(caller, userId) && request.Role != Roles.Administrator)
        {
            throw new FieldException("role", "you cannot take the administrator role from yourself; ask another administrator");
        }
        return TypedResults.Ok(await users.UpdateAsync(userId, request, ct));
    }

    internal static async Task<NoContent> ResetPasswordAsync(long userId, ResetPasswordRequest request, UserStore users, CancellationToken ct)
    {
        await users.SetPasswordAsync(userId, request.Password, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> DisableAsync(long userId, ClaimsPrincipal caller, UserStore users, CancellationToken ct)
    {
        if (IsSelf(caller, userId))
        {
            throw new ConflictException("Cannot disable yourself", "Another administrator must disable this account.");
        }
        await users.SetDisabledAsync(userId, true, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> EnableAsync(long userId, UserStore users, CancellationToken ct)
    {
        await users.SetDisabledAsync(userId, false, ct);
        return TypedResults.NoContent();
    }

    private static bool IsSelf(ClaimsPrincipal caller, long userId) =>
        caller.FindFirstValue(ClaimTypes.NameIdentifier) == userId.ToString(CultureInfo.InvariantCulture);
}
