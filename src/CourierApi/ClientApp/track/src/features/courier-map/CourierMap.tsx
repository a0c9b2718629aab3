import type { FeatureCollection } from "geojson";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FitBounds, GeoJsonLayer } from "../../../../shared/map/GeoJsonLayer";
import { MapView } from "../../../../shared/map/MapView";
import type { CourierPosition } from "../../api";
import { useDepotFormat } from "../../format";
import styles from "../../Track.module.css";

/** The courier's position only (this page never receives other customers' stops), while the courier drives here. */
export function CourierMap({ courier, timeZone }: { courier: CourierPosition; timeZone: string }) {
  const { t } = useTranslation("track");
  const f = useDepotFormat(timeZone);
  const point = useMemo<FeatureCollection>(() => ({
    type: "FeatureCollection",
    features: [{ type: "Feature", geometry: { type: "Point", coordinates: [courier.lon, courier.lat] }, properties: {} }],
  }), [courier.lon, courier.lat]);
  const points = useMemo(() => [[courier.lon, courier.lat] as [number, number]], [courier.lon, courier.lat]);
  return (
    <section className={styles.mapCard} data-testid="courier-map" data-lat={courier.lat} data-lon={courier.lon}>
      <MapView center={[courier.lon, courier.lat]} zoom={14} label={t("map.label")}>
        <GeoJsonLayer data={point} layers={[
          { id: "halo", type: "circle", paint: { "circle-radius": 16, "circle-color": "#2f4fd8", "circle-opacity": 0.18 } },
          { id: "dot", type: "circle", paint: { "circle-radius": 8, "circle-color": "#2f4fd8", "circle-stroke-width": 3, "circle-stroke-color": "#ffffff" } },
        ]} />
        <FitBounds points={points} />
      </MapView>
      <p className={styles.mapNote}>{t("map.courier")} · {t("map.updated", { time: f.time(courier.recordedAt) })}</p>
    </section>
  );
}
