using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Board;

/// <summary>Signing in, seeing the board, roles, signing out — in real Chromium through the real host.</summary>
public sealed class SignInTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task Dispatcher_signs_in_and_sees_tomorrows_orders_on_the_board()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/board");
        await page.WaitForURLAsync("**/signin**");
        await Axe.AssertNoSeriousViolationsAsync(page, "sign-in");

        await page.GetByLabel("User name").FillAsync("demo");
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong password");

        await page.GetByLabel("Password").FillAsync("demo-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/board**");
        await Assertions.Expect(page.GetByText("Demo Dispatcher")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Plan date")).ToHaveValueAsync(BoardHost.PlanDate);
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "160 orders" });
        await Assertions.Expect(orders).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "board orders");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        await page.GotoAsync("/board");
        await page.WaitForURLAsync("**/signin**");
    }

    [Fact]
    public async Task Analyst_sees_the_board_without_edit_buttons()
    {
        var page = await host.SignedInPageAsync("analyst", "analyst-password");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "160 orders" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Analyst (read only)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add order" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fleet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Fleet for the date" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit shift" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan & routes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Map of the routes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Re-plan" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Plan routes" })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page, "board plan (analyst)");
    }
}
