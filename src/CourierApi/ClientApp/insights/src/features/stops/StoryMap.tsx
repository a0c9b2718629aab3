import type { FeatureCollection } from "geojson";
import { GeoJsonLayer } from "../../../../shared/map/GeoJsonLayer";
import { MapView } from "../../../../shared/map/MapView";
import styles from "./StoryMap.module.css";

/** The courier's track up to the handover and the stop, on the host's street map. */
export function StoryMap({ track, location, label, noTrack }: { track: number[][]; location: [number, number]; label: string; noTrack: string }) {
  const data: FeatureCollection = {
    type: "FeatureCollection",
    features: [
      ...(track.length > 1 ? [{ type: "Feature" as const, properties: { kind: "track" }, geometry: { type: "LineString" as const, coordinates: track } }] : []),
      { type: "Feature", properties: { kind: "stop" }, geometry: { type: "Point", coordinates: location } },
    ],
  };
  return (
    <>
      <div className={styles.box}>
      <MapView center={location} zoom={13} label={label}>
        <GeoJsonLayer data={data} layers={[
          { id: "stop", type: "circle", filter: ["==", ["get", "kind"], "stop"], paint: { "circle-radius": 8, "circle-color": "#b42318", "circle-stroke-color": "#fff", "circle-stroke-width": 2 } },
          { id: "track", type: "line", filter: ["==", ["get", "kind"], "track"], paint: { "line-color": "#2f4fd8", "line-width": 3 } },
        ]} />
      </MapView>
      </div>
      {track.length <= 1 && <p className={styles.note}>{noTrack}</p>}
    </>
  );
}
