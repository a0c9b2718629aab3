using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Board;

/// <summary>The administrator's users page (/board/users) in real Chromium through the real host.</summary>
public sealed class UsersPageTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task Administrator_creates_a_dispatcher_for_one_depot_then_disables_them_and_their_session_ends()
    {
        var admin = await host.SignedInPageAsync("admin", "admin-password");
        await admin.GotoAsync("/board/users");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demo Dispatcher" })).ToContainTextAsync("Porto centre");

        var form = admin.GetByRole(AriaRole.Form, new() { Name = "New user" });
        await form.GetByLabel("User name").FillAsync("rita");
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Rita Dispatcher");
        await form.GetByLabel("Password (at least 10 characters)").FillAsync("rita-password-1");
        await form.GetByLabel("Porto centre (demo-porto)").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("rita created");
        await Axe.AssertNoSeriousViolationsAsync(admin, "users");

        var rita = await host.SignedInPageAsync("rita", "rita-password-1");
        await Expect(rita.GetByText("Rita Dispatcher")).ToBeVisibleAsync();
        await Expect(rita.GetByRole(AriaRole.Table, new() { Name = "160 orders" })).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rita Dispatcher" }).GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("rita is disabled");
        // The disabled user's browser session has ended: the board's next API call is refused.
        var me = await rita.Context.APIRequest.GetAsync("/api/v1/auth/me");
        Assert.Equal(401, me.Status);
    }

    [Fact]
    public async Task Dispatcher_on_the_users_page_is_told_only_administrators_manage_users()
    {
        var page = await host.SignedInPageAsync();
        await page.GotoAsync("/board/users");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only administrators manage users.");
    }
}
