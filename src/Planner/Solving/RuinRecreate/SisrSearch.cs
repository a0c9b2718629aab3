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
/// The phases live in partial files: <c>SisrSearch.Acceptance.cs</c> (the annealing loop, commit and revert),
/// <c>SisrSearch.FleetMinimisation.cs</c>, <c>SisrSearch.Ruin.cs</c> (string removals) and <c>SisrSearch.Recreate.cs</c>
/// (greedy insertion with blinks).
/// </remarks>
internal sealed partial class SisrSearch
{
    private readonly SearchModel _m;
    private readonly int[] _orders;
    private readonly int[][] _neighbours;
    private readonly double[] _size;
    private readonly long[] _depotCost;
    private readonly Solution _start;
    private readonly RuinRecreateSettings _p;

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
    private readonly int[] _routeMark;
    private readonly bool _nearRoutesFirst;
    private int _stamp;
    private bool _noNewRoutes;
    private bool _constructing;
    private TimeProvider _time = TimeProvider.System;
    private long _deadline = long.MaxValue;
    private CancellationToken _ct;
    private Rng _rng;

    public SisrSearch(SearchModel model, Solution start, IReadOnlyCollection<int> scopeOrders, RuinRecreateSettings parameters, ulong seed)
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
        _routeMark = new int[vehicles.Length];
        _nearRoutesFirst = _orders.Length >= parameters.NearRoutesFromOrders;
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

    /// <summary>True when the greedy construction was stopped by time or cancellation with orders not yet tried.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Vehicles taken out by fleet minimisation.</summary>
    public int FleetReductions { get; private set; }

    /// <summary>Steps done.</summary>
    public long Steps { get; private set; }

    /// <summary>Steps accepted.</summary>
    public long Accepted { get; private set; }

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
        for (var i = 0; i < _removed.Count; i++)
        {
            var o = _removed[i];
            _removedFlag[o] = false;
            if (_constructing && (i & 63) == 63 && Stopped())
            {
                _absentCand.Add(o);
                continue;
            }
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

    private void Touch(int r)
    {
        if (!_touched[r])
        {
            _touched[r] = true;
            _touchedList.Add(r);
        }
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

    private Solution Snapshot()
    {
        var routes = (int[][])_start.Routes.Clone();
        foreach (var r in _cur)
        {
            routes[r.Vehicle] = r.Orders.AsSpan(0, r.Count).ToArray();
        }
        return new Solution(routes);
    }
}
