import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FitBounds, GeoJsonLayer } from "../../../../shared/map/GeoJsonLayer";
import { MapView, useMap } from "../../../../shared/map/MapView";
import { routeColour } from "../../../../shared/ui/palette";
import { useBoard } from "../../context";
import { useRouteGeoJson } from "../review/usePlan";
import { isStale, remainingLine, stateColour } from "./liveGeometry";
import type { LiveDay } from "./useLiveDay";

const labelFont = ["Noto Sans Regular", "DejaVu Sans"];
const arrow = "live-courier-arrow";

/** An arrow drawn once on a canvas (the style has no sprite): the courier's heading. */
function ArrowImage() {
  const map = useMap();
  useEffect(() => {
    if (!map || map.hasImage(arrow)) return;
    const size = 40;
    const canvas = document.createElement("canvas");
    canvas.width = size; canvas.height = size;
    const g = canvas.getContext("2d");
    if (!g) return;
    g.fillStyle = "#ffffff"; g.strokeStyle = "#141a2e"; g.lineWidth = 2.5;
    g.beginPath(); g.moveTo(size / 2, 3); g.lineTo(size - 9, size - 7); g.lineTo(size / 2, size - 14); g.lineTo(9, size - 7); g.closePath();
    g.fill(); g.stroke();
    map.addImage(arrow, g.getImageData(0, 0, size, size), { pixelRatio: 2 });
  }, [map]);
  return null;
}

/** Every courier at the latest fix (heading; stale drawn hollow and grey), the rest of each route along the streets, stops by state. */
export function LiveMap({ day, now, selected, onSelectCourier, replay }: { day: LiveDay; now: Date; selected: number | null; onSelectCourier: (id: number) => void;
  /** While replaying: the recorded tracks up to an instant instead of the live couriers. */
  replay?: ReactNode }) {
  const { t } = useTranslation("board");
  const { depot } = useBoard();
  const geo = useRouteGeoJson(day.planVersionId ?? undefined);
  const minute = Math.floor(now.getTime() / 60_000);

  const lines = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: (geo.data?.features ?? []).flatMap((f) => {
      const c = day.couriers.find((x) => x.routeId === f.properties.routeId);
      if (!c || c.remaining === 0) return [];
      return [{ type: "Feature" as const, geometry: { type: "LineString" as const, coordinates: remainingLine(f.geometry.coordinates, c) },
        properties: { colour: routeColour(c.colour), dim: selected !== null && selected !== c.courierId ? 1 : 0 } }];
    }),
  }), [geo.data, day.couriers, selected]);

  const stops = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: day.couriers.flatMap((c) => c.stops.map((s) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [s.lon, s.lat] },
      properties: { label: String(s.sequence), fill: stateColour[s.state] ?? "#8a93a6", ring: routeColour(c.colour), dim: selected !== null && selected !== c.courierId ? 1 : 0 },
    }))),
  }), [day.couriers, selected]);

  // Live and stale couriers are two layers: a stale fix is drawn hollow and grey with no heading, never as if live.
  const [couriers, staleCouriers] = useMemo<[FeatureCollection, FeatureCollection]>(() => {
    const at = new Date(minute * 60_000);
    const feature = (c: LiveDay["couriers"][number], stale: boolean) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [c.position!.lon, c.position!.lat] },
      properties: { id: c.courierId, colour: routeColour(c.colour), heading: c.position!.headingDeg ?? 0, hasHeading: c.position!.headingDeg != null ? 1 : 0,
        name: (c.name.split(" ")[0] ?? c.name) + (stale ? " · " + t("live.stale") : "") },
    });
    const placed = day.couriers.filter((c) => c.position);
    return [
      { type: "FeatureCollection", features: placed.filter((c) => !isStale(c, at, day.silentAfterMinutes)).map((c) => feature(c, false)) },
      { type: "FeatureCollection", features: placed.filter((c) => isStale(c, at, day.silentAfterMinutes)).map((c) => feature(c, true)) },
    ];
  }, [day.couriers, day.silentAfterMinutes, minute, t]);

  // Fitted to the depot, the stops and where the couriers are, once per plan version and courier count (not on every fix).
  const placedCount = day.couriers.filter((c) => c.position).length;
  const points = useMemo(() => [[depot.longitude, depot.latitude] as [number, number],
    ...day.couriers.flatMap((c) => c.stops.map((s) => [s.lon, s.lat] as [number, number])),
    ...day.couriers.flatMap((c) => (c.position ? [[c.position.lon, c.position.lat] as [number, number]] : []))],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [depot, day.planVersionId, placedCount]);

  return (
    <MapView center={[depot.longitude, depot.latitude]} zoom={12} label={t("live.map")}>
      <ArrowImage />
      <GeoJsonLayer data={lines} layers={[{
        id: "remaining", type: "line", layout: { "line-join": "round", "line-cap": "round" },
        paint: { "line-color": ["get", "colour"], "line-width": 3, "line-opacity": ["case", ["==", ["get", "dim"], 1], 0.15, 0.7] },
      }]} />
      <GeoJsonLayer data={stops} layers={[
        { id: "liveStop", type: "circle", paint: {
          "circle-radius": 7.5, "circle-color": ["get", "fill"], "circle-stroke-width": 2, "circle-stroke-color": ["get", "ring"],
          "circle-opacity": ["case", ["==", ["get", "dim"], 1], 0.25, 1], "circle-stroke-opacity": ["case", ["==", ["get", "dim"], 1], 0.25, 1],
        } },
        { id: "liveStopNum", type: "symbol", minzoom: 13, layout: { "text-field": ["get", "label"], "text-font": labelFont, "text-size": 9.5, "text-allow-overlap": true },
          paint: { "text-color": "#ffffff" } },
      ]} />
      {replay ?? (<>
      <GeoJsonLayer data={staleCouriers} layers={[
        { id: "staleCourier", type: "circle", paint: {
          "circle-radius": 11, "circle-color": "#ffffff", "circle-stroke-width": 3, "circle-stroke-color": "#8a93a6", "circle-opacity": 0.9,
        } },
        { id: "staleCourierName", type: "symbol", layout: { "text-field": ["get", "name"], "text-font": labelFont, "text-size": 11, "text-offset": [0, 1.8] },
          paint: { "text-color": "#4d5566", "text-halo-color": "#ffffff", "text-halo-width": 1.5 } },
      ]} />
      <GeoJsonLayer data={couriers} layers={[
        { id: "liveCourier", type: "circle", paint: { "circle-radius": 13, "circle-color": ["get", "colour"], "circle-stroke-width": 2, "circle-stroke-color": "#ffffff" } },
        { id: "liveHeading", type: "symbol", filter: ["==", ["get", "hasHeading"], 1], layout: {
          "icon-image": arrow, "icon-rotate": ["get", "heading"], "icon-rotation-alignment": "map", "icon-allow-overlap": true, "icon-size": 0.9,
        } },
        { id: "liveCourierName", type: "symbol", layout: { "text-field": ["get", "name"], "text-font": labelFont, "text-size": 11, "text-offset": [0, 1.9] },
          paint: { "text-color": "#141a2e", "text-halo-color": "#ffffff", "text-halo-width": 1.5 } },
      ]} />
      </>)}
      <CourierClicks onSelect={onSelectCourier} />
      <FitBounds points={points} />
    </MapView>
  );
}

/** A click on a courier selects their row. */
function CourierClicks({ onSelect }: { onSelect: (id: number) => void }) {
  const map = useMap();
  useEffect(() => {
    if (!map) return;
    const onClick = (e: { point: { x: number; y: number } }) => {
      const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.endsWith("-liveCourier") || id.endsWith("-staleCourier"));
      const hit = layers.length > 0 ? map.queryRenderedFeatures([e.point.x, e.point.y], { layers })[0] : undefined;
      if (hit?.properties?.id != null) onSelect(Number(hit.properties.id));
    };
    map.on("click", onClick);
    return () => { map.off("click", onClick); };
  }, [map, onSelect]);
  return null;
}
