namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>Acceptance: the search loop with simulated annealing, and committing or reverting a step.</summary>
internal sealed partial class SisrSearch
{
    /// <summary>
    /// Searches until <paramref name="deadline"/> (a timestamp of <paramref name="time"/>) or cancellation; returns the
    /// best solution found (the starting routes of vehicles it does not handle unchanged) and its cost in the search's
    /// terms (routes it handles plus penalties of its orders left out). <paramref name="onBest"/> sees each new best: its
    /// cost, and a function that copies the plan out (call it during the callback, or not at all).
    /// </summary>
    public (Solution Solution, long Cost) Run(TimeProvider time, long deadline, CancellationToken ct, Action<Func<Solution>, long>? onBest = null) =>
        Run(time, deadline, ct, deadline, onBest);

    /// <summary>As <see cref="Run(TimeProvider, long, CancellationToken, Action{Func{Solution}, long}?)"/>, the construction stopping at <paramref name="constructionDeadline"/> instead.</summary>
    public (Solution Solution, long Cost) Run(TimeProvider time, long deadline, CancellationToken ct, long constructionDeadline, Action<Func<Solution>, long>? onBest = null)
    {
        _time = time;
        _deadline = Math.Max(deadline, constructionDeadline);
        _ct = ct;
        Load(_start);
        var curCost = TotalCost(_cur, _absentCur);
        var bestCost = curCost;
        var best = Snapshot();
        if (_orders.Length == 0 || _cur.Length == 0)
        {
            return (best, bestCost);
        }
        // Orders left out at the start (all of them when starting from an empty plan) are inserted greedily first,
        // so that fleet minimisation starts from a complete plan. This construction stops with the rest left out when
        // time is up or the search is cancelled (a stopped plan is still a valid plan).
        _constructing = true;
        for (var fill = 0; fill < 3 && _absentCur.Count > 0 && !Stopped(); fill++)
        {
            Steps++;
            var filled = Step(curCost);
            if (filled < curCost)
            {
                Commit();
                curCost = filled;
            }
            else
            {
                Revert();
            }
        }
        _constructing = false;
        Interrupted = _absentCur.Count > 0 && Stopped();
        _deadline = deadline;
        if (curCost < bestCost)
        {
            bestCost = curCost;
            best = Snapshot();
            onBest?.Invoke(() => best, bestCost);
        }
        var began = time.GetTimestamp();
        var stepLimited = _p.MaxSteps < long.MaxValue;
        if (_m.Ix.Cost.VehicleCost > 0 && _p.FleetShare > 0)
        {
            // Fewest vehicles first: try to empty routes before the annealing polishes travel.
            // With a step limit the phases are split by steps, so that the plan does not depend on the machine's speed.
            var fleetSteps = stepLimited ? Steps + (long)((_p.MaxSteps - Steps) * _p.FleetShare) : long.MaxValue;
            MinimiseFleet(time, began + (long)((deadline - began) * _p.FleetShare), fleetSteps, ct);
            curCost = TotalCost(_cur, _absentCur);
            if (curCost < bestCost)
            {
                bestCost = curCost;
                best = Snapshot();
                onBest?.Invoke(() => best, bestCost);
            }
            began = time.GetTimestamp();
        }
        var span = Math.Max(1, deadline - began);
        var firstStep = Steps;
        var meanArc = MeanArc();
        var t0 = _p.StartTemperature * meanArc;
        var tf = _p.FinalTemperature * meanArc;
        var temperature = Math.Max(0, t0);
        // The best plan is copied out only when the current plan leaves it (O(orders) a copy), not at every new best:
        // early in a large search nearly every accepted step is one.
        var bestIsCurrent = false;
        Func<Solution> snapshot = Snapshot;
        while (true)
        {
            // The clock every step: a step on a large problem with a full fleet can take milliseconds.
            var now = time.GetTimestamp();
            if (now >= deadline || ct.IsCancellationRequested || Steps >= _p.MaxSteps)
            {
                break;
            }
            // The annealing cools with time, or with steps under a step limit (the same seed then gives the same plan).
            var fraction = stepLimited ? (double)(Steps - firstStep) / Math.Max(1, _p.MaxSteps - firstStep) : (double)(now - began) / span;
            temperature = t0 <= 0 || tf <= 0 ? 0 : t0 * Math.Pow(tf / t0, fraction);
            Steps++;
            var candCost = Step(curCost);
            // Simulated annealing: accept worse plans with probability exp(-(Δ)/T).
            if (candCost < curCost - temperature * Math.Log(_rng.NextDouble()))
            {
                if (bestIsCurrent && candCost >= bestCost)
                {
                    best = Snapshot();
                    bestIsCurrent = false;
                }
                Commit();
                curCost = candCost;
                Accepted++;
                if (candCost < bestCost)
                {
                    bestCost = candCost;
                    bestIsCurrent = true;
                    onBest?.Invoke(snapshot, bestCost);
                }
            }
            else
            {
                Revert();
            }
        }
        return (bestIsCurrent ? Snapshot() : best, bestCost);
    }

    /// <summary>True when the deadline has passed or the search is cancelled.</summary>
    private bool Stopped() => _ct.IsCancellationRequested || _time.GetTimestamp() >= _deadline;

    private double MeanArc()
    {
        long arcs = 0;
        long count = 0;
        foreach (var r in _cur)
        {
            if (r.Count > 0)
            {
                arcs += r.Cost - _m.Fixed[r.Vehicle];
                count += r.Count + 1;
            }
        }
        if (count == 0)
        {
            // Nothing routed yet (a search started from an empty plan): half the mean cost from a depot to an order.
            foreach (var o in _orders)
            {
                arcs += _depotCost[o];
            }
            return Math.Max(1, arcs / (2.0 * _orders.Length));
        }
        return Math.Max(1, (double)arcs / count);
    }

    private void Commit() => CopyTouched(_cand, _cur, _routeOfCur, _absentCand, _absentCur);

    private void Revert() => CopyTouched(_cur, _cand, _routeOfCand, _absentCur, _absentCand);

    /// <summary>Makes <paramref name="to"/> equal to <paramref name="from"/> again: only the touched routes and the left-out orders differ.</summary>
    private void CopyTouched(RouteState[] from, RouteState[] to, int[] routeOfTo, List<int> absentFrom, List<int> absentTo)
    {
        foreach (var r in _touchedList)
        {
            to[r].CopyFrom(from[r]);
            var route = to[r];
            for (var i = 0; i < route.Count; i++)
            {
                routeOfTo[route.Orders[i]] = r;
            }
            _touched[r] = false;
        }
        foreach (var o in absentFrom)
        {
            routeOfTo[o] = -1;
        }
        absentTo.Clear();
        absentTo.AddRange(absentFrom);
    }
}
