using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Board;

/// <summary>
/// The whole evening as the demo dispatcher, in the page: import a CSV with two bad rows, plan, move a stop and see
/// the violation, apply anyway, lock a route, re-plan and see what moved, publish, print. Axe on every screen.
/// </summary>
public sealed class EveningTests(BoardHost host) : IClassFixture<BoardHost>
{
    /// <summary>Five good rows around Porto and two bad ones (line 4: latitude; line 7: window ends before it starts).</summary>
    public static string Csv()
    {
        var sb = new StringBuilder("shop_order_id,customer_name,phone,address,lat,lon,window_start,window_end,weight_kg,items,notes\n");
        var rows = new[]
        {
            "E2E-1,Ana Silva,+351910000001,\"Rua de Santa Catarina 10, Porto\",41.1490,-8.6060,10:00,12:00,2.5,Bread x 2 @ 1.20,Ring twice",
            "E2E-2,Bruno Costa,+351910000002,\"Rua das Flores 20, Porto\",41.1430,-8.6130,12:00,14:00,1.0,Milk x 1 @ 0.99,",
            "E2E-3,Carla Dias,+351910000003,\"Avenida dos Aliados 5, Porto\",north,-8.6110,14:00,16:00,3.0,Eggs x 1 @ 2.10,",
            "E2E-4,Duarte Melo,+351910000004,\"Rua Formosa 44, Porto\",41.1500,-8.6050,09:00,11:00,0.5,Tea x 1 @ 3.00,",
            "E2E-5,Eva Lopes,+351910000005,\"Rua do Almada 70, Porto\",41.1480,-8.6120,15:00,17:00,4.0,Rice x 2 @ 1.50,",
            "E2E-6,Filipe Rocha,+351910000006,\"Rua de Cedofeita 90, Porto\",41.1520,-8.6200,16:00,13:00,1.5,Oil x 1 @ 4.00,",
            "E2E-7,Gil Nunes,+351910000007,\"Rua do Bonjardim 12, Porto\",41.1470,-8.6080,11:00,13:00,2.0,Salt x 1 @ 0.50,",
        };
        foreach (var r in rows)
        {
            sb.Append(r).Append('\n');
        }
        return sb.ToString();
    }

    [Fact]
    public async Task Dispatcher_does_the_whole_evening_in_the_page()
    {
        var page = await host.SignedInPageAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "160 orders" })).ToBeVisibleAsync();

        // Import: the preview names every bad row (line, field, reason); the good rows are imported.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Import orders from CSV" });
        await dialog.GetByLabel("or choose a file").SetInputFilesAsync(new FilePayload { Name = "shop-export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv()) });
        var bad = dialog.GetByRole(AriaRole.Table, new() { Name = "Bad rows" });
        await Expect(bad.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(bad.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("4");
        await Expect(bad.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("lat");
        await Expect(bad.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("7");
        Assert.Equal(160L, await host.Database.ScalarAsync("SELECT count(*) FROM orders")); // the preview wrote nothing
        await Axe.AssertNoSeriousViolationsAsync(page, "import preview");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Import 5 good rows" }).ClickAsync();
        await Expect(dialog.GetByText("orders created")).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Bad rows" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Axe.AssertNoSeriousViolationsAsync(page, "import report");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "165 orders" })).ToBeVisibleAsync();
        Assert.Equal(165L, await host.Database.ScalarAsync("SELECT count(*) FROM orders"));

        // Plan: the demo's first plan is there (or arrives through the planning hub); the new orders wait for a re-plan.
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan & routes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan v1" })).ToBeVisibleAsync(new() { Timeout = 240_000 });
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Timeline of the routes" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "plan review");

        // Move a stop with the keyboard menu to the end of another route: the server refuses it and says why, in words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Courier 1 van-1" }).First.ClickAsync();
        await page.GetByLabel("Actions for stop 1 (").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to route…" }).ClickAsync();
        var move = page.GetByRole(AriaRole.Dialog);
        await move.GetByLabel("Route").SelectOptionAsync(new SelectOptionValue { Label = (await FirstOtherRouteAsync(move)) });
        await move.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var violation = page.GetByRole(AriaRole.Dialog, new() { Name = "This edit breaks the plan" });
        await Expect(violation).ToBeVisibleAsync();
        await Expect(violation.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "violation dialog");
        await violation.GetByRole(AriaRole.Button, new() { Name = "Apply anyway" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Routes re-timed" })).ToBeVisibleAsync();
        await Expect(page.GetByText("problem").First).ToBeVisibleAsync();

        // Lock the first route, re-plan with the locks kept, see what moved, accept.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock route" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlock route" })).ToBeVisibleAsync();
        await page.GetByLabel("Time budget").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Planning progress" })).ToBeVisibleAsync();
        var moved = page.GetByRole(AriaRole.Dialog, new() { Name = "What moved in the re-plan" });
        await Expect(moved).ToBeVisibleAsync(new() { Timeout = 240_000 });
        await Axe.AssertNoSeriousViolationsAsync(page, "what moved");
        await moved.GetByRole(AriaRole.Button, new() { Name = "Accept the new plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan v2" })).ToBeVisibleAsync();
        Assert.Equal(1L, await host.Database.ScalarAsync(
            "SELECT count(*) FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id WHERE v.number = 2 AND r.locked"));

        // Publish with confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var publish = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish plan v2" });
        await Axe.AssertNoSeriousViolationsAsync(page, "publish dialog");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByText("published", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("published", await host.Database.ScalarAsync("SELECT status FROM plan_versions WHERE number = 2"));

        // Print: the plan's manifests and one route's, as PDFs.
        var planPdf = await page.GetByRole(AriaRole.Link, new() { Name = "Print all manifests" }).GetAttributeAsync("href");
        Assert.EndsWith("?lang=en", planPdf);
        await AssertPdfAsync(page, planPdf!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Courier 2 van-2" }).First.ClickAsync();
        var routePdf = await page.GetByRole(AriaRole.Link, new() { Name = "Print manifest" }).GetAttributeAsync("href");
        await AssertPdfAsync(page, routePdf!);
        await Axe.AssertNoSeriousViolationsAsync(page, "published plan");
    }

    private static async Task<string> FirstOtherRouteAsync(ILocator dialog)
    {
        var options = await dialog.GetByLabel("Route").Locator("option").AllTextContentsAsync();
        return options.First(o => !o.StartsWith("Courier 1 ", StringComparison.Ordinal));
    }

    private static async Task AssertPdfAsync(IPage page, string href)
    {
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", response.Headers["content-type"]);
        var body = await response.BodyAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(body, 0, 4));
    }
}
