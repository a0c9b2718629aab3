import type { FeatureCollection } from "geojson";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FitBounds, GeoJsonLayer } from "../../../../shared/map/GeoJsonLayer";
import { MapView } from "../../../../shared/map/MapView";
import { routeColour } from "../../../../shared/ui/palette";
import { useBoard } from "../../context";
import { useRouteGeoJson, type Plan } from "./usePlan";

const labelFont = ["Noto Sans Regular", "DejaVu Sans"];

/** The plan on the map: route lines (along the streets when the host has them), numbered stops in route colours, the depot. */
export function RouteMap({ plan, colours, selected }: { plan: Plan | undefined; colours: Map<number, number>; selected: number | null }) {
  const { t } = useTranslation("board");
  const { depot } = useBoard();
  const geo = useRouteGeoJson(plan?.id);

  const lines = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: (geo.data?.features ?? []).map((f) => ({
      type: "Feature",
      geometry: { type: "LineString", coordinates: f.geometry.coordinates },
      properties: { colour: routeColour(colours.get(f.properties.courierId) ?? 0), dim: selected !== null && selected !== f.properties.courierId ? 1 : 0 },
    })),
  }), [geo.data, colours, selected]);

  const stops = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: (plan?.routes ?? []).flatMap((r) => r.stops.map((s) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [s.longitude, s.latitude] },
      properties: { label: String(s.sequence), colour: routeColour(colours.get(r.courierId) ?? 0), violation: s.violation ? 1 : 0, dim: selected !== null && selected !== r.courierId ? 1 : 0 },
    }))),
  }), [plan, colours, selected]);

  const depotPoint = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: [{ type: "Feature", geometry: { type: "Point", coordinates: [depot.longitude, depot.latitude] }, properties: { label: "D" } }],
  }), [depot]);

  const points = useMemo(() => [[depot.longitude, depot.latitude] as [number, number], ...(plan?.routes ?? []).flatMap((r) => r.stops.map((s) => [s.longitude, s.latitude] as [number, number]))], [plan, depot]);

  return (
    <MapView center={[depot.longitude, depot.latitude]} zoom={12} label={t("plan.map")}>
      <GeoJsonLayer data={lines} layers={[{
        id: "line", type: "line", layout: { "line-join": "round", "line-cap": "round" },
        paint: { "line-color": ["get", "colour"], "line-width": 3.5, "line-opacity": ["case", ["==", ["get", "dim"], 1], 0.18, 0.85] },
      }]} />
      <GeoJsonLayer data={stops} layers={[
        { id: "dot", type: "circle", paint: {
          "circle-radius": 9, "circle-color": ["get", "colour"], "circle-stroke-width": ["case", ["==", ["get", "violation"], 1], 3, 1.5],
          "circle-stroke-color": ["case", ["==", ["get", "violation"], 1], "#b42318", "#ffffff"], "circle-opacity": ["case", ["==", ["get", "dim"], 1], 0.25, 1],
        } },
        { id: "num", type: "symbol", layout: { "text-field": ["get", "label"], "text-font": labelFont, "text-size": 10.5, "text-allow-overlap": true },
          paint: { "text-color": "#ffffff", "text-opacity": ["case", ["==", ["get", "dim"], 1], 0.3, 1] } },
      ]} />
      <GeoJsonLayer data={depotPoint} layers={[
        { id: "depot", type: "circle", paint: { "circle-radius": 11, "circle-color": "#141a2e", "circle-stroke-width": 2, "circle-stroke-color": "#fff" } },
        { id: "depotLabel", type: "symbol", layout: { "text-field": ["get", "label"], "text-font": labelFont, "text-size": 11, "text-allow-overlap": true }, paint: { "text-color": "#fff" } },
      ]} />
      <FitBounds points={points} />
    </MapView>
  );
}
