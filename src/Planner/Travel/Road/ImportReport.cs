namespace Delivery.Planner.Travel.Road;

/// <summary>What an OpenStreetMap import loaded into the live network schema.</summary>
/// <param name="Schema">The PostgreSQL schema that now holds the network.</param>
/// <param name="Edges">Road segments (rows of <c>ways</c>), each drivable in one or both directions.</param>
/// <param name="Vertices">Junctions and dead ends (rows of <c>ways_vertices_pgr</c>).</param>
/// <param name="OneWayEdges">Segments drivable in exactly one direction.</param>
/// <param name="SccVertices">Vertices in the largest strongly connected component: the ones stops snap to.</param>
/// <param name="Elapsed">Wall time of the whole import (conversion, load, component, indexes, swap).</param>
public sealed record ImportReport(string Schema, long Edges, long Vertices, long OneWayEdges, long SccVertices, TimeSpan Elapsed);
