import type { FeatureCollection } from "geojson";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FitBounds, GeoJsonLayer } from "../../../../shared/map/GeoJsonLayer";
import { MapView } from "../../../../shared/map/MapView";
import type { LocalStop } from "./stopStatus";
import { dayTiles } from "./useAreaTiles";
import type { CourierRoute } from "./useCourierRoute";

const labelFont = ["Noto Sans Regular", "DejaVu Sans"];
const colourOf: Record<string, string> = {
  open: "#2f4fd8", arrived: "#2f4fd8", delivered: "#1d7a3e", partly_delivered: "#1d7a3e", failed: "#b42318", cancelled: "#8a909c",
};

/** The day on the map: the route's path (along the streets when the host has them), numbered stops by status, the next one large. */
export function RouteMap({ route, status, next }: { route: CourierRoute; status: Map<number, LocalStop>; next: number | null }) {
  const { t } = useTranslation("courier");
  const line = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: [{ type: "Feature", geometry: { type: "LineString", coordinates: route.path }, properties: {} }],
  }), [route.path]);
  const stops = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: route.route.stops.map((s) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [s.longitude, s.latitude] },
      properties: { label: String(s.sequence), colour: colourOf[status.get(s.orderId)?.status ?? "open"] ?? "#2f4fd8", next: s.orderId === next ? 1 : 0 },
    })),
  }), [route.route.stops, status, next]);
  const points = useMemo(() => route.path.map((c) => [c[0] ?? 0, c[1] ?? 0] as [number, number]), [route.path]);
  const centre = points[0] ?? [0, 0];
  return (
    <MapView center={centre} zoom={13} label={t("map")} offlineCache={dayTiles}>
      <GeoJsonLayer data={line} layers={[{ id: "path", type: "line", layout: { "line-join": "round", "line-cap": "round" },
        paint: { "line-color": "#2f4fd8", "line-width": 5, "line-opacity": 0.75 } }]} />
      <GeoJsonLayer data={stops} layers={[
        { id: "ring", type: "circle", filter: ["==", ["get", "next"], 1], paint: { "circle-radius": 22, "circle-color": "#ffb703", "circle-opacity": 0.55 } },
        { id: "dot", type: "circle", paint: { "circle-radius": ["case", ["==", ["get", "next"], 1], 15, 11], "circle-color": ["get", "colour"],
          "circle-stroke-width": 2, "circle-stroke-color": "#ffffff" } },
        { id: "num", type: "symbol", layout: { "text-field": ["get", "label"], "text-font": labelFont, "text-size": 12, "text-allow-overlap": true },
          paint: { "text-color": "#ffffff" } },
      ]} />
      <FitBounds points={points} />
    </MapView>
  );
}
