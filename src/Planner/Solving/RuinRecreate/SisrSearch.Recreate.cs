namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>Recreate: greedy reinsertion of the removed orders with blinks, in one of several orders.</summary>
internal sealed partial class SisrSearch
{
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

    /// <summary>Nearest orders whose routes are tried first on large problems.</summary>
    private const int NearRouteNeighbours = 50;

    /// <summary>Share of the insertions that no nearby route can take which still scan every route (large problems, after the construction).</summary>
    private const double FullScanRate = 0.1;

    /// <summary>
    /// The cheapest feasible insertion of <paramref name="o"/>. On large problems (<see cref="RuinRecreateSettings.NearRoutesFromOrders"/>)
    /// it first tries only the routes that serve one of the order's <see cref="NearRouteNeighbours"/> nearest orders;
    /// when none of them can take it, every route (empty vehicles included) is scanned during the construction, when
    /// no neighbour is routed yet, and otherwise in <see cref="FullScanRate"/> of the cases (else the order stays out
    /// this step). A step then costs O(orders removed × nearby stops) instead of O(orders removed × all stops), also
    /// when a full fleet leaves many orders out and every step offers them again.
    /// </summary>
    private (int Route, int At) CheapestInsertion(int o)
    {
        if (_nearRoutesFirst)
        {
            _stamp++;
            var near = _neighbours[o];
            var any = false;
            for (var i = 0; i < near.Length && i < NearRouteNeighbours; i++)
            {
                var r = _routeOfCand[near[i]];
                if (r >= 0)
                {
                    _routeMark[r] = _stamp;
                    any = true;
                }
            }
            if (any && CheapestInsertion(o, _stamp) is { Route: >= 0 } found)
            {
                return found;
            }
            if (any && !_constructing && _rng.NextDouble() >= FullScanRate)
            {
                return (-1, -1);
            }
        }
        return CheapestInsertion(o, -1);
    }

    /// <summary>Cheapest insertion over every route, or (<paramref name="mark"/> ≥ 0) over the non-empty routes marked with it.</summary>
    private (int Route, int At) CheapestInsertion(int o, int mark)
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
            if (!allowed[v] || (mark >= 0 && (route.Count == 0 || _routeMark[r] != mark)) || !route.Fits(m, o))
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
}
