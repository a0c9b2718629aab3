namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>Fleet minimisation: emptying routes while the objective counts vehicles first.</summary>
internal sealed partial class SisrSearch
{
    /// <summary>
    /// The paper's fleet minimisation: takes the smallest route out, leaving its orders out, and runs ruin-and-recreate
    /// steps that may not open a route, accepting a step when fewer orders are left out, or when the orders left out
    /// have been left out less often so far (their absence counts); once none is left out the plan has one vehicle
    /// less and the next route is tried. An attempt that has not succeeded by <paramref name="until"/> (a timestamp) or
    /// step <paramref name="untilStep"/> is undone.
    /// </summary>
    private void MinimiseFleet(TimeProvider time, long until, long untilStep, CancellationToken ct)
    {
        var absences = new long[_m.Ix.Problem.Orders.Count];
        while (_absentCur.Count == 0)
        {
            var smallest = -1;
            var used = 0;
            for (var r = 0; r < _cur.Length; r++)
            {
                if (_cur[r].Count > 0)
                {
                    used++;
                    if (smallest < 0 || _cur[r].Count < _cur[smallest].Count)
                    {
                        smallest = r;
                    }
                }
            }
            if (used <= 1)
            {
                return;
            }
            var saved = Snapshot();
            _touchedList.Clear();
            var route = _cand[smallest];
            for (var i = 0; i < route.Count; i++)
            {
                _absentCand.Add(route.Orders[i]);
                _routeOfCand[route.Orders[i]] = -1;
            }
            route.Set(_m, []);
            Touch(smallest);
            Commit();
            _noNewRoutes = true;
            try
            {
                while (_absentCur.Count > 0)
                {
                    if (time.GetTimestamp() >= until || ct.IsCancellationRequested || Steps >= untilStep)
                    {
                        Load(saved);
                        return;
                    }
                    Steps++;
                    var candCost = Step(0);
                    if (candCost != long.MaxValue && (_absentCand.Count < _absentCur.Count || Absence(_absentCand, absences) < Absence(_absentCur, absences)))
                    {
                        Commit();
                        Accepted++;
                    }
                    else
                    {
                        Revert();
                    }
                    foreach (var o in _absentCur)
                    {
                        absences[o]++;
                    }
                }
                FleetReductions += used - _cur.Count(x => x.Count > 0);
            }
            finally
            {
                _noNewRoutes = false;
            }
        }
    }

    private static long Absence(List<int> absent, long[] absences)
    {
        long sum = 0;
        foreach (var o in absent)
        {
            sum += absences[o];
        }
        return sum;
    }
}
