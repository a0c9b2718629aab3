using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests;

/// <summary>Runs axe on the page as it is and fails on any serious or critical violation, naming each.</summary>
internal static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {where}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}")));
    }
}
