using Delivery.Tracking.Simulation;

namespace Delivery.Benchmarks.Verbs;

/// <summary>What the dispatcher's live connection heard during a simulated day, stamped with the simulated clock.</summary>
internal sealed class LiveRecord
{
    private readonly Lock _gate = new();

    public Dictionary<string, List<(DateTimeOffset At, DateTimeOffset Eta)>> Etas { get; } = new(StringComparer.Ordinal);

    public List<(DateTimeOffset At, string StopId, bool AtRisk)> Alerts { get; } = [];

    public List<(DateTimeOffset At, string CourierId)> Silent { get; } = [];

    public void Eta(DateTimeOffset at, string stopId, DateTimeOffset eta)
    {
        lock (_gate)
        {
            if (!Etas.TryGetValue(stopId, out var list))
            {
                Etas[stopId] = list = [];
            }
            list.Add((at, eta));
        }
    }

    public void Alert(DateTimeOffset at, string stopId, bool atRisk)
    {
        lock (_gate)
        {
            Alerts.Add((at, stopId, atRisk));
        }
    }

    public void TabletSilent(DateTimeOffset at, string courierId)
    {
        lock (_gate)
        {
            Silent.Add((at, courierId));
        }
    }
}

/// <summary>The day's figures from the ground truth and what the dispatcher heard. Pure.</summary>
internal sealed record DayFigures(
    int Stops, int Hits, int Early, int Late, double EarlyMinutesAvg, double LateMinutesAvg, int Failed,
    double DrivenKm, double DrivenHours, int LateStops, int LateAlerted, double AlertRecall, double LeadP50, double LeadP10,
    int AlertedStops, int FalseAlerts, double FalseAlertShare,
    IReadOnlyDictionary<int, (int N, double MaeS, double P90S, double BiasS)> EtaError, int PaperStops, double WaitedHours)
{
    public double HitRate => Stops == 0 ? 0 : (double)Hits / Stops;

    public static DayFigures Compute(IReadOnlyList<CourierDay> days, LiveRecord live)
    {
        var stops = days.SelectMany(d => d.Stops).ToList();
        var early = stops.Where(s => s.WindowStartUtc is { } ws && s.HandoverAt < ws).ToList();
        var late = stops.Where(s => s.WindowEndUtc is { } we && s.HandoverAt > we).ToList();
        var hits = stops.Count - early.Count - late.Count;

        // At-risk alerts: recall over late handovers (alert raised before the window end), lead = window end − first alert.
        var firstAlert = live.Alerts.Where(a => a.AtRisk).GroupBy(a => a.StopId).ToDictionary(g => g.Key, g => g.Min(a => a.At), StringComparer.Ordinal);
        var byId = stops.ToDictionary(s => s.StopId, StringComparer.Ordinal);
        var leads = new List<double>();
        foreach (var s in late)
        {
            if (firstAlert.TryGetValue(s.StopId, out var at) && at < s.WindowEndUtc!.Value)
            {
                leads.Add((s.WindowEndUtc.Value - at).TotalMinutes);
            }
        }
        var alerted = firstAlert.Where(a => byId.TryGetValue(a.Key, out var s) && s.WindowEndUtc is { } we && a.Value < we).ToList();
        var lateIds = late.Select(s => s.StopId).ToHashSet(StringComparer.Ordinal);
        var falseAlerts = alerted.Count(a => !lateIds.Contains(a.Key));

        // ETA error h minutes before the arrival: the last ETA the dispatcher had been told by then.
        var error = new Dictionary<int, (int, double, double, double)>();
        foreach (var h in new[] { 60, 30, 10 })
        {
            var errors = new List<double>();
            foreach (var d in days)
            {
                foreach (var s in d.Stops.Where(s => !s.OnPaper))
                {
                    var at = s.ArrivedAt - TimeSpan.FromMinutes(h);
                    if (at < d.Start || !live.Etas.TryGetValue(s.StopId, out var list))
                    {
                        continue;
                    }
                    var known = list.Where(e => e.At <= at).ToList();
                    if (known.Count > 0)
                    {
                        errors.Add((known[^1].Eta - s.ArrivedAt).TotalSeconds);
                    }
                }
            }
            var abs = errors.Select(Math.Abs).Order().ToList();
            error[h] = (errors.Count, abs.Count == 0 ? double.NaN : abs.Average(), Quantile(abs, 0.9), errors.Count == 0 ? double.NaN : errors.Average());
        }
        var sortedLeads = leads.Order().ToList();
        return new DayFigures(
            stops.Count, hits, early.Count, late.Count,
            early.Count == 0 ? 0 : early.Average(s => (s.WindowStartUtc!.Value - s.HandoverAt).TotalMinutes),
            late.Count == 0 ? 0 : late.Average(s => (s.HandoverAt - s.WindowEndUtc!.Value).TotalMinutes),
            stops.Count(s => s.Outcome == "failed"),
            days.Sum(d => d.Legs.Sum(l => l.Meters)) / 1000,
            days.Sum(d => d.Legs.Sum(l => (l.Arrival - l.Departure).TotalHours)),
            late.Count, leads.Count, late.Count == 0 ? 1 : (double)leads.Count / late.Count,
            Quantile(sortedLeads, 0.5), Quantile(sortedLeads, 0.1),
            alerted.Count, falseAlerts, alerted.Count == 0 ? 0 : (double)falseAlerts / alerted.Count,
            error, stops.Count(s => s.OnPaper), stops.Sum(s => s.WaitedSeconds) / 3600);
    }

    /// <summary>The q-quantile of sorted values (nearest rank), NaN when empty.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
