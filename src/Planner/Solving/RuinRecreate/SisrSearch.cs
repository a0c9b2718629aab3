namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>
/// Slack induction by string removals (Christiaens and Vanden Berghe, Transportation Science 2020): each step removes
/// a few strings of consecutive stops from routes near a random stop, reinserts the removed orders greedily with
/// "blinks" (each position skipped with a small probability), and accepts the result by simulated annealing. One
/// instance is one single-threaded search; the planner runs one per core from the OR-Tools plan.
/// </summary>
/// <remarks>
/// Insertions are tested in O(1) from each route's departure and latest-arrival bounds. On a vehicle with a break or
/// a maximum route duration those bounds are a relaxation, so the chosen insertion is re-timed exactly and, if it
/// fails, the next best is tried; a step that leaves any changed route undrivable (possible after a removal when
/// travel times break the triangle inequality) is rejected.
/// The search never gives up a routed order: every order left out costs its drop penalty (larger than any route), so
/// an outcome with more orders left out is never accepted; orders OR-Tools left out are offered to every step.
/// </remarks>
internal sealed class SisrSearch
{
    private readonly SearchModel _m;
    private readonly int[] _orders;
    private readonly int[][] _neighbours;
    private readonly double[] _size;
    private readonly long[] _depotCost;
    private readonly Solution _start;
    private readonly SisrParameters _p;

    // Current and candidate solutions; between steps they are equal except on the routes the step touched.
    private readonly RouteState[] _cur;
    private readonly RouteState[] _cand;
    private readonly int[] _routeOfCur;
    private readonly int[] _routeOfCand;
    private readonly List<int> _absentCur = [];
    private readonly List<int> _absentCand = [];
    private readonly int[] _routeIndexOfVehicle;

    private readonly bool[] _removedFlag;
    private readonly bool[] _touched;
    private readonly List<int> _touchedList = [];
    private readonly bool[] _ruined;
    private readonly bool[] _verified;
    private readonly List<(int Route, int At)> _banned = [];
    private readonly List<int> _removed = [];
    private readonly int[] _classStamp;
    private readonly long[] _sortKey;
    private int _stamp;
    private bool _noNewRoutes;
    private Rng _rng;

    public SisrSearch(SearchModel model, Solution start, IReadOnlyCollection<int> scopeOrders, SisrParameters parameters, ulong seed)
    {
        _m = model;
        _p = parameters;
        _start = start;
        _rng = new Rng(seed);
        var orderCount = model.Ix.Problem.Orders.Count;
        var vehicles = model.Vehicles;
        _routeIndexOfVehicle = Enumerable.Repeat(-1, model.Ix.Problem.Vehicles.Count).ToArray();
        for (var r = 0; r < vehicles.Length; r++)
        {
            _routeIndexOfVehicle[vehicles[r]] = r;
        }

        _orders = scopeOrders.ToArray();
        var capacity = _orders.Length;
        _cur = vehicles.Select(v => new RouteState(v, capacity)).ToArray();
        _cand = vehicles.Select(v => new RouteState(v, capacity)).ToArray();
        _routeOfCur = new int[orderCount];
        _routeOfCand = new int[orderCount];
        _removedFlag = new bool[orderCount];
        _touched = new bool[vehicles.Length];
        _ruined = new bool[vehicles.Length];
        _verified = new bool[vehicles.Length];
        _classStamp = new int[Math.Max(1, model.ClassCount)];
        _sortKey = new long[orderCount];

        _neighbours = model.Neighbours;
        _size = new double[orderCount];
        _depotCost = new long[orderCount];
        var maxCap = new long[SearchModel.Dims];
        foreach (var v in vehicles)
        {
            for (var d = 0; d < SearchModel.Dims; d++)
            {
                maxCap[d] = Math.Max(maxCap[d], model.Capacity[v * SearchModel.Dims + d]);
            }
        }
        var starts = vehicles.Select(v => model.Start[v]).Distinct().ToArray();
        foreach (var o in _orders)
        {
            for (var d = 0; d < SearchModel.Dims; d++)
            {
                _size[o] += maxCap[d] > 0 ? (double)model.Demand[o * SearchModel.Dims + d] / maxCap[d] : 0;
            }
            _depotCost[o] = starts.Length == 0 ? 0 : starts.Min(s => model.Cost(s, model.Node(o)));
        }
    }

    /// <summary>Vehicles taken out by fleet minimisation.</summary>
    public int FleetReductions { get; private set; }

    /// <summary>Steps done.</summary>
    public long Steps { get; private set; }

    /// <summary>Steps accepted.</summary>
    public long Accepted { get; private set; }

    /// <summary>
    /// Searches until <paramref name="deadline"/> (a timestamp of <paramref name="time"/>) or cancellation; returns the
    /// best solution found (the starting routes of vehicles it does not handle unchanged) and its cost in the search's
    /// terms (routes it handles plus penalties of its orders left out). <paramref name="onBest"/> sees each new best.
    /// </summary>
    public (Solution Solution, long Cost) Run(TimeProvider time, long deadline, CancellationToken ct, Action<Solution, long>? onBest = null)
    {
        Load(_start);
        var curCost = TotalCost(_cur, _absentCur);
        var bestCost = curCost;
        var best = Snapshot();
        if (_orders.Length == 0 || _cur.Length == 0)
        {
            return (best, bestCost);
        }
        // Orders left out at the start (all of them when starting from an empty plan) are inserted greedily first,
        // so that fleet minimisation starts from a complete plan.
        for (var fill = 0; fill < 3 && _absentCur.Count > 0 && !ct.IsCancellationRequested; fill++)
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
        if (curCost < bestCost)
        {
            bestCost = curCost;
            best = Snapshot();
            onBest?.Invoke(best, bestCost);
        }
        var began = time.GetTimestamp();
        if (_m.Ix.Cost.VehicleCost > 0 && _p.FleetShare > 0)
        {
            // Fewest vehicles first: try to empty routes before the annealing polishes travel.
            MinimiseFleet(time, began + (long)((deadline - began) * _p.FleetShare), ct);
            curCost = TotalCost(_cur, _absentCur);
            if (curCost < bestCost)
            {
                bestCost = curCost;
                best = Snapshot();
                onBest?.Invoke(best, bestCost);
            }
            began = time.GetTimestamp();
        }
        var span = Math.Max(1, deadline - began);
        var meanArc = MeanArc();
        var t0 = _p.StartTemperature * meanArc;
        var tf = _p.FinalTemperature * meanArc;
        var temperature = Math.Max(0, t0);
        while (true)
        {
            if ((Steps & 31) == 0)
            {
                var now = time.GetTimestamp();
                if (now >= deadline || ct.IsCancellationRequested || Steps >= _p.MaxSteps)
                {
                    break;
                }
                var fraction = (double)(now - began) / span;
                temperature = t0 <= 0 || tf <= 0 ? 0 : t0 * Math.Pow(tf / t0, fraction);
            }
            Steps++;
            var candCost = Step(curCost);
            // Simulated annealing: accept worse plans with probability exp(-(Δ)/T).
            if (candCost < curCost - temperature * Math.Log(_rng.NextDouble()))
            {
                Commit();
                curCost = candCost;
                Accepted++;
                if (candCost < bestCost)
                {
                    bestCost = candCost;
                    best = Snapshot();
                    onBest?.Invoke(best, bestCost);
                }
            }
            else
            {
                Revert();
            }
        }
        return (best, bestCost);
    }

    /// <summary>
    /// The paper's fleet minimisation: takes the smallest route out, leaving its orders out, and runs ruin-and-recreate
    /// steps that may not open a route, accepting a step when fewer orders are left out, or when the orders left out
    /// have been left out less often so far (their absence counts); once none is left out the plan has one vehicle
    /// less and the next route is tried. An attempt that has not succeeded by <paramref name="until"/> is undone.
    /// </summary>
    private void MinimiseFleet(TimeProvider time, long until, CancellationToken ct)
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
                    if ((Steps & 31) == 0 && (time.GetTimestamp() >= until || ct.IsCancellationRequested || Steps >= _p.MaxSteps))
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

    private long Step(long curCost)
    {
        _removed.Clear();
        _touchedList.Clear();
        Ruin();
        // Orders left out so far get another chance at every step.
        foreach (var o in _absentCand)
        {
            _removed.Add(o);
        }
        _absentCand.Clear();
        SortRemoved();
        foreach (var o in _removed)
        {
            _removedFlag[o] = false;
            Insert(o);
        }
        long delta = 0;
        var drivable = true;
        foreach (var r in _touchedList)
        {
            delta += _cand[r].Cost - _cur[r].Cost;
            _ruined[r] = false;
            var route = _cand[r];
            drivable = drivable && route.Feasible && (_verified[r] || !_m.NeedsExactCheck[route.Vehicle] || _m.Drivable(route.Vehicle, route.Orders[..route.Count]));
        }
        if (!drivable)
        {
            return long.MaxValue;
        }
        foreach (var o in _absentCand)
        {
            delta += _m.Penalty[o];
        }
        foreach (var o in _absentCur)
        {
            delta -= _m.Penalty[o];
        }
        return curCost + delta;
    }

    private void Ruin()
    {
        var routed = 0;
        var used = 0;
        foreach (var r in _cand)
        {
            if (r.Count > 0)
            {
                routed += r.Count;
                used++;
            }
        }
        if (used == 0)
        {
            return;
        }
        var maxLength = Math.Min(_p.MaxString, (double)routed / used);
        var maxStrings = 4 * _p.AverageRemoved / (1 + maxLength) - 1;
        var strings = (int)(_rng.NextDouble() * maxStrings) + 1;
        var seed = _orders[_rng.Next(_orders.Length)];
        var ruined = 0;
        foreach (var c in _neighbours[seed])
        {
            if (ruined >= strings)
            {
                break;
            }
            var r = _routeOfCand[c];
            if (r < 0 || _ruined[r])
            {
                continue;
            }
            var route = _cand[r];
            var length = (int)(_rng.NextDouble() * Math.Min(route.Count, maxLength)) + 1;
            length = Math.Min(length, route.Count);
            var at = route.IndexOf(c);
            if (length < route.Count && _rng.NextDouble() < _p.SplitRate)
            {
                RemoveSplitString(route, at, length);
            }
            else
            {
                RemoveString(route, at, length);
            }
            route.RemoveFlagged(_m, _removedFlag);
            _ruined[r] = true;
            _verified[r] = false;
            Touch(r);
            ruined++;
        }
    }

    /// <summary>Flags <paramref name="length"/> consecutive orders containing position <paramref name="at"/>.</summary>
    private void RemoveString(RouteState route, int at, int length)
    {
        var lo = Math.Max(0, at - length + 1);
        var hi = Math.Min(at, route.Count - length);
        var first = lo + _rng.Next(hi - lo + 1);
        for (var i = first; i < first + length; i++)
        {
            Flag(route.Orders[i]);
        }
    }

    /// <summary>Flags <paramref name="length"/> orders of a longer string containing <paramref name="at"/>, keeping a run of it in place.</summary>
    private void RemoveSplitString(RouteState route, int at, int length)
    {
        var kept = 1;
        while (length + kept < route.Count && _rng.NextDouble() < 0.5)
        {
            kept++;
        }
        var total = length + kept;
        var lo = Math.Max(0, at - total + 1);
        var hi = Math.Min(at, route.Count - total);
        var first = lo + _rng.Next(hi - lo + 1);
        var keptFrom = first + _rng.Next(length + 1);
        for (var i = first; i < first + total; i++)
        {
            if (i < keptFrom || i >= keptFrom + kept)
            {
                Flag(route.Orders[i]);
            }
        }
    }

    private void Flag(int o)
    {
        _removedFlag[o] = true;
        _routeOfCand[o] = -1;
        _removed.Add(o);
    }

    private void Touch(int r)
    {
        if (!_touched[r])
        {
            _touched[r] = true;
            _touchedList.Add(r);
        }
    }

    /// <summary>Random order (weight 4), largest demand first (4), farthest from the depot (2), nearest (1), tightest window (2).</summary>
    private void SortRemoved()
    {
        var pick = _rng.Next(13);
        if (pick < 4)
        {
            for (var i = _removed.Count - 1; i > 0; i--)
            {
                var j = _rng.Next(i + 1);
                (_removed[i], _removed[j]) = (_removed[j], _removed[i]);
            }
            return;
        }
        foreach (var o in _removed)
        {
            _sortKey[o] = pick switch
            {
                < 8 => -(long)(_size[o] * 1e9),
                < 10 => -_depotCost[o],
                < 11 => _depotCost[o],
                _ => _m.LastEnd[o] - _m.FirstStart[o],
            };
        }
        _removed.Sort((a, b) => _sortKey[a].CompareTo(_sortKey[b]));
    }

    /// <summary>Cheapest feasible insertion over every route, with blinks; left out when there is none.</summary>
    private void Insert(int o)
    {
        _banned.Clear();
        for (var attempt = 0; attempt < MaxExactChecks; attempt++)
        {
            var (r, at) = CheapestInsertion(o);
            if (r < 0)
            {
                break;
            }
            var route = _cand[r];
            if (_m.NeedsExactCheck[route.Vehicle])
            {
                var sequence = new int[route.Count + 1];
                Array.Copy(route.Orders, sequence, at);
                sequence[at] = o;
                Array.Copy(route.Orders, at, sequence, at + 1, route.Count - at);
                if (!_m.Drivable(route.Vehicle, sequence))
                {
                    _banned.Add((r, at));
                    continue;
                }
                _verified[r] = true;
            }
            route.Insert(_m, at, o);
            _routeOfCand[o] = r;
            Touch(r);
            return;
        }
        _absentCand.Add(o);
    }

    /// <summary>Insertions re-timed exactly per order before it is left out (vehicles with a break or a maximum duration).</summary>
    private const int MaxExactChecks = 4;

    private (int Route, int At) CheapestInsertion(int o)
    {
        var m = _m;
        var node = m.Node(o);
        var allowed = m.Allowed[o];
        var bestDelta = long.MaxValue;
        var bestRoute = -1;
        var bestAt = -1;
        _stamp++;
        for (var r = 0; r < _cand.Length; r++)
        {
            var route = _cand[r];
            var v = route.Vehicle;
            if (!allowed[v] || !route.Fits(m, o))
            {
                continue;
            }
            if (route.Count == 0)
            {
                if (_noNewRoutes)
                {
                    continue;
                }
                // Identical empty vehicles: one of them is enough (unless the order is pinned to one).
                var cls = m.VehicleClass[v];
                if (!m.Pinned[o])
                {
                    if (_classStamp[cls] == _stamp)
                    {
                        continue;
                    }
                    _classStamp[cls] = _stamp;
                }
            }
            var nodes = route.Nodes;
            var extra = route.Count == 0 ? m.Fixed[v] : 0;
            for (var p = 0; p <= route.Count; p++)
            {
                var prev = nodes[p];
                var next = nodes[p + 1];
                var delta = m.Cost(prev, node) + m.Cost(node, next) - m.Cost(prev, next) + extra;
                if (delta >= bestDelta || (_p.BlinkRate > 0 && _rng.NextDouble() < _p.BlinkRate))
                {
                    continue;
                }
                if (!route.CanInsertAt(m, p, o, node) || (_banned.Count > 0 && _banned.Contains((r, p))))
                {
                    continue;
                }
                bestDelta = delta;
                bestRoute = r;
                bestAt = p;
            }
        }
        return (bestRoute, bestAt);
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

    /// <summary>Loads the starting plan; a route that is not feasible under this search's timing is emptied into the left-out list.</summary>
    private void Load(Solution s)
    {
        var inSearch = new HashSet<int>(_orders);
        Array.Fill(_routeOfCur, -2);
        foreach (var o in _orders)
        {
            _routeOfCur[o] = -1;
        }
        var placed = new HashSet<int>();
        for (var r = 0; r < _cur.Length; r++)
        {
            var seq = s.Routes[_cur[r].Vehicle].Where(inSearch.Contains).ToArray();
            _cur[r].Set(_m, seq);
            if (!_cur[r].Feasible || (_m.NeedsExactCheck[_cur[r].Vehicle] && seq.Length > 0 && !_m.Drivable(_cur[r].Vehicle, seq)))
            {
                _cur[r].Set(_m, []);
                continue;
            }
            foreach (var o in seq)
            {
                _routeOfCur[o] = r;
                placed.Add(o);
            }
        }
        _absentCur.Clear();
        _absentCur.AddRange(_orders.Where(o => !placed.Contains(o)));
        for (var r = 0; r < _cur.Length; r++)
        {
            _cand[r].CopyFrom(_cur[r]);
        }
        Array.Copy(_routeOfCur, _routeOfCand, _routeOfCur.Length);
        _absentCand.Clear();
        _absentCand.AddRange(_absentCur);
    }

    private long TotalCost(RouteState[] routes, List<int> absent)
    {
        long cost = 0;
        foreach (var r in routes)
        {
            cost += r.Cost;
        }
        foreach (var o in absent)
        {
            cost += _m.Penalty[o];
        }
        return cost;
    }

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

    private Solution Snapshot()
    {
        var routes = (int[][])_start.Routes.Clone();
        foreach (var r in _cur)
        {
            routes[r.Vehicle] = r.Orders.AsSpan(0, r.Count).ToArray();
        }
        return new Solution(routes);
    }

    /// <summary>xoshiro256** — fast, seedable, no allocation.</summary>
    private struct Rng
    {
        private ulong _s0, _s1, _s2, _s3;

        public Rng(ulong seed)
        {
            _s0 = SplitMix(ref seed);
            _s1 = SplitMix(ref seed);
            _s2 = SplitMix(ref seed);
            _s3 = SplitMix(ref seed);
        }

        public ulong Next()
        {
            unchecked
            {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
            }
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform in [0, n).</summary>
        public int Next(int n) => (int)((Next() >> 33) * (ulong)n >> 31);

        private static ulong SplitMix(ref ulong x)
        {
            unchecked
            {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E019UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
            }
        }
    }
}
