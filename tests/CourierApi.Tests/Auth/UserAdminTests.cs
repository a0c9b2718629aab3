using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>Administrators manage users through the API; sign-out, disabling and a new password end sessions at once.</summary>
public sealed class UserAdminTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task CreateUser_WithDepot_UserSignsInAndSeesOnlyThatDepot()
    {
        var admin = await api.ClientAsAsync(Roles.Administrator);
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var a = await Scenario.Read<DepotResponse>(await dispatcher.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("a")));
        await Scenario.Read<DepotResponse>(await dispatcher.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("b")));
        var name = "ana-" + Guid.NewGuid().ToString("N")[..6];

        var created = await Scenario.Read<UserView>(await admin.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest(name, "Ana", Roles.Analyst, "long-password-1", DepotIds: [a.Id])));
        var user = await api.SignedInAsync(name, "long-password-1");

        Assert.Equal([a.Id], created.DepotIds);
        Assert.Equal([a.Id], (await user.GetFromJsonAsync<List<DepotResponse>>("/api/v1/depots"))!.Select(d => d.Id));
        var me = await user.GetFromJsonAsync<CurrentUserResponse>("/api/v1/auth/me");
        Assert.Equal(Roles.Analyst, me!.Role);
        Assert.Contains((await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users"))!, u => u.UserName == name);
    }

    [Fact]
    public async Task Users_NotAdministrator_Is403()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("x-" + Guid.NewGuid().ToString("N")[..6], "X", Roles.Administrator, "long-password-1"))).StatusCode);
    }

    [Fact]
    public async Task CreateUser_BadRoleAndShortPassword_NamesEachField()
    {
        var admin = await api.ClientAsAsync(Roles.Administrator);
        var response = await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest("", "X", "root", "short"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task UpdateUser_NewDepots_ApplyOnTheNextRequest()
    {
        var admin = await api.ClientAsAsync(Roles.Administrator);
        var other = await api.ClientAsAsync(Roles.Dispatcher, depots: []);
        var depot = await Scenario.Read<DepotResponse>(await other.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("c")));
        var (user, id) = await NewUserAsync(admin, Roles.Dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/v1/depots/{depot.Id}")).StatusCode);

        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new UpdateUserRequest("Dee", Roles.Dispatcher, DepotIds: [depot.Id]))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/depots/{depot.Id}")).StatusCode);
    }

    [Fact]
    public async Task SignOut_Bearer_TokenStopsWorking()
    {
        var client = await api.ClientAsAsync(Roles.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        (await client.PostAsync("/api/v1/auth/sign-out", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/depots")).StatusCode);
    }

    [Fact]
    public async Task SignOut_Cookie_ReplayedCookieStopsWorking()
    {
        using (var scope = api.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserStore>().UpsertAsync("cookie-user", "C", Roles.Dispatcher, "pw-cookie-user", default, allDepots: true);
        }
        var browser = api.CreateClient();
        var signIn = await browser.PostAsJsonAsync("/api/v1/auth/sign-in?useCookies=true", new SignInRequest("cookie-user", "pw-cookie-user"));
        var cookie = signIn.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var replay = api.CreateClient();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/api/v1/auth/me")).StatusCode);

        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out");
        signOut.Headers.Add("Cookie", cookie);
        (await api.CreateClient().SendAsync(signOut)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task DisableUser_EndsSessionsAndSignIn_EnableAllowsSignInAgain()
    {
        var admin = await api.ClientAsAsync(Roles.Administrator);
        var (user, id, name) = await NewUserWithNameAsync(admin, Roles.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/auth/me")).StatusCode);

        (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest(name, "long-password-1"))).StatusCode);
        (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).EnsureSuccessStatusCode();
        await api.SignedInAsync(name, "long-password-1");
    }

    [Fact]
    public async Task ResetPassword_OldSessionEndsNewPasswordWorks()
    {
        var admin = await api.ClientAsAsync(Roles.Administrator);
        var (user, id, name) = await NewUserWithNameAsync(admin, Roles.Analyst);

        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new ResetPasswordRequest("another-password-2"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/auth/me")).StatusCode);
        await api.SignedInAsync(name, "another-password-2");
    }

    [Fact]
    public async Task SignIn_ManyFailuresForOneAccount_Is429EvenWithTheRightPassword()
    {
        var admin = await api.ClientAsAsync(Roles.Administrator);
        var (_, _, name) = await NewUserWithNameAsync(admin, Roles.Analyst);
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest(name, "wrong"))).StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest(name, "long-password-1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(HttpClient User, long Id)> NewUserAsync(HttpClient admin, string role)
    {
        var (user, id, _) = await NewUserWithNameAsync(admin, role);
        return (user, id);
    }

    private async Task<(HttpClient User, long Id, string Name)> NewUserWithNameAsync(HttpClient admin, string role)
    {
        var name = role + "-" + Guid.NewGuid().ToString("N")[..6];
        var created = await Scenario.Read<UserView>(await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest(name, name, role, "long-password-1")));
        return (await api.SignedInAsync(name, "long-password-1"), created.Id, name);
    }
}
