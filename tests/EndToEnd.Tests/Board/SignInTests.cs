using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

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
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong password");

        await page.GetByLabel("Password").FillAsync("demo-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/board**");
        await Expect(page.GetByText("Demo Dispatcher")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Plan date")).ToHaveValueAsync("01/12/2026"); // BoardHost.PlanDate as the English page writes it
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "160 orders" });
        await Expect(orders).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" })).ToBeVisibleAsync();
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
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "160 orders" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Analyst (read only)")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add order" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fleet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Fleet for the date" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit shift" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan & routes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Map of the routes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Re-plan" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Plan routes" })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page, "board plan (analyst)");
    }

    [Fact]
    public async Task Dispatcher_issues_a_tablet_pairing_code_with_its_QR_code()
    {
        var page = await host.SignedInPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fleet" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tablet — Courier 1" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Tablet for Courier 1" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Issue tablet" }).ClickAsync();
        await Expect(dialog.GetByTestId("pairing-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        await Expect(dialog.GetByRole(AriaRole.Img, new() { Name = "QR code of the pairing link" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "tablet pairing");
    }
}
