using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Board;

/// <summary>The fleet view's inline shift edit: a shift edited in the row is stored; a bad one is refused at its field, in the page's language.</summary>
public sealed class FleetTests(BoardHost host) : IClassFixture<BoardHost>
{
    private const string ShiftSql = $"""
        SELECT to_char(s.starts_at AT TIME ZONE 'Europe/Lisbon', 'HH24:MI') || '-' || to_char(s.ends_at AT TIME ZONE 'Europe/Lisbon', 'HH24:MI')
               || ' ' || coalesce(s.break_duration_s / 60, 0)
        FROM courier_shifts s JOIN couriers c ON c.id = s.courier_id WHERE c.name = 'Courier 3' AND s.shift_date = '{BoardHost.PlanDate}'
        """;

    [Fact]
    public async Task A_shift_edited_inline_is_stored_and_shown_after_a_reload()
    {
        var page = await host.SignedInPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fleet", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit shift — Courier 3" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "Edit the shift of Courier 3" });
        await row.GetByLabel("Shift start").FillAsync("9:30");
        await row.GetByLabel("Shift end").FillAsync("17.45");
        await row.GetByLabel("Break minutes").FillAsync("45");
        await Axe.AssertNoSeriousViolationsAsync(page, "fleet shift edit");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        var shown = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Courier 3" });
        await Expect(shown).ToContainTextAsync("09:30–17:45");
        await Expect(shown).ToContainTextAsync("45 min");
        Assert.Equal("09:30-17:45 45", await host.Database.ScalarAsync(ShiftSql));

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Courier 3" })).ToContainTextAsync("09:30–17:45");
    }

    [Fact]
    public async Task An_invalid_shift_gets_the_error_at_its_field_in_Russian_and_nothing_is_stored()
    {
        var before = await host.Database.ScalarAsync(ShiftSql);
        var page = await host.SignedInPageAsync(locale: "ru-RU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Курьеры", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Изменить смену — Courier 3" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "Изменить смену: Courier 3" });
        await row.GetByLabel("Начало смены").FillAsync("18:00");
        await row.GetByLabel("Конец смены").FillAsync("08:00");
        await row.GetByLabel("Перерыв не раньше").FillAsync("25:00");
        await row.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();

        var end = row.GetByLabel("Конец смены");
        await Expect(end).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(end).ToHaveAccessibleDescriptionAsync("должен быть позже начала");
        await Expect(row.GetByLabel("Перерыв не раньше")).ToHaveAccessibleDescriptionAsync("время в виде 09:30");
        await Expect(row.GetByLabel("Начало смены")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoSeriousViolationsAsync(page, "fleet shift error (ru)");
        Assert.Equal(before, await host.Database.ScalarAsync(ShiftSql));
    }
}
