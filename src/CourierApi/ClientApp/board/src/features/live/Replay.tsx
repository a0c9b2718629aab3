import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { $api, type Schemas } from "../../../../shared/api/client";
import { formatTime } from "../../../../shared/i18n/format";
import { GeoJsonLayer } from "../../../../shared/map/GeoJsonLayer";
import { Button } from "../../../../shared/ui/Button";
import { routeColour } from "../../../../shared/ui/palette";
import { useBoard } from "../../context";
import type { LiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

export type Replay = Schemas["ReplayResponse"];

/** The day's recorded tracks and events (a finished day too), while replay is on. */
export function useReplay(date: string, on: boolean) {
  const { depot } = useBoard();
  return $api.useQuery("get", "/api/v1/depots/{depotId}/live/replay", { params: { path: { depotId: depot.id }, query: { date } } }, { enabled: on });
}

/** The time slider: drag to a moment, or play the day at 5 minutes a second (the question after a complaint: where was the courier?). */
export function ReplayBar({ replay, at, onAt }: { replay: Replay; at: number; onAt: (t: number) => void }) {
  const { t } = useTranslation("board");
  const { locale, zone } = useBoard();
  const [playing, setPlaying] = useState(false);
  const from = replay.from ? Date.parse(replay.from) : 0;
  const to = replay.to ? Date.parse(replay.to) : 0;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => onAt(Math.min(to, at + 5 * 60_000 / 4)), 250);
    if (at >= to) setPlaying(false);
    return () => clearInterval(timer);
  }, [playing, at, to, onAt]);
  if (!replay.from) return <p className={styles.replayBar}>{t("live.replayNothing")}</p>;
  const done = replay.events.filter((e) => Date.parse(e.at) <= at && e.kind !== "arrived").length;
  return (
    <div className={styles.replayBar} role="group" aria-label={t("live.replay")}>
      <Button small onClick={() => setPlaying(!playing)}>{playing ? t("live.pause") : t("live.play")}</Button>
      <input type="range" min={from} max={to} step={60_000} value={at} onChange={(e) => onAt(Number(e.target.value))}
        aria-label={t("live.replayAt")} aria-valuetext={formatTime(new Date(at), locale, zone)} className={styles.slider} />
      <strong className={styles.nums} data-testid="replay-time">{formatTime(new Date(at), locale, zone)}</strong>
      <span>{t("live.replayEvents", { count: done })}</span>
    </div>
  );
}

/** The recorded tracks up to the replay instant and each courier where it was then. */
export function ReplayLayers({ replay, day, at }: { replay: Replay; day: LiveDay; at: number }) {
  const colour = useMemo(() => new Map(day.couriers.map((c) => [c.courierId, routeColour(c.colour)])), [day.couriers]);
  const name = useMemo(() => new Map(day.couriers.map((c) => [c.courierId, c.name])), [day.couriers]);
  const [tracks, points] = useMemo<[FeatureCollection, FeatureCollection]>(() => {
    const upTo = replay.tracks.map((tr) => ({ tr, pts: tr.points.filter((p) => (p[2] ?? 0) <= at) })).filter((x) => x.pts.length > 0);
    return [
      { type: "FeatureCollection", features: upTo.filter((x) => x.pts.length > 1).map(({ tr, pts }) => ({ type: "Feature" as const,
        geometry: { type: "LineString" as const, coordinates: pts.map((p) => [p[0] ?? 0, p[1] ?? 0]) }, properties: { colour: colour.get(tr.courierId) ?? "#8a93a6" } })) },
      { type: "FeatureCollection", features: upTo.map(({ tr, pts }) => { const p = pts[pts.length - 1]!; return { type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [p[0] ?? 0, p[1] ?? 0] }, properties: { colour: colour.get(tr.courierId) ?? "#8a93a6", name: name.get(tr.courierId) ?? "" } }; }) },
    ];
  }, [replay, at, colour, name]);
  return (
    <>
      <GeoJsonLayer data={tracks} layers={[{ id: "replayTrack", type: "line", layout: { "line-join": "round", "line-cap": "round" },
        paint: { "line-color": ["get", "colour"], "line-width": 3, "line-opacity": 0.85 } }]} />
      <GeoJsonLayer data={points} layers={[
        { id: "replayCourier", type: "circle", paint: { "circle-radius": 10, "circle-color": ["get", "colour"], "circle-stroke-width": 2, "circle-stroke-color": "#ffffff" } },
        { id: "replayName", type: "symbol", layout: { "text-field": ["get", "name"], "text-font": ["Noto Sans Regular", "DejaVu Sans"], "text-size": 11, "text-offset": [0, 1.6] },
          paint: { "text-color": "#141a2e", "text-halo-color": "#ffffff", "text-halo-width": 1.5 } },
      ]} />
    </>
  );
}
