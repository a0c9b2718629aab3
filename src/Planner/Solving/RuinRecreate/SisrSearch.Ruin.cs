namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>Ruin: removing strings of consecutive stops from routes near a random seed order.</summary>
internal sealed partial class SisrSearch
{
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
}
