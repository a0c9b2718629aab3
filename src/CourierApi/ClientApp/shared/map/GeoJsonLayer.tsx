import type { FeatureCollection } from "geojson";
import { useEffect, useId } from "react";
import type { LayerSpecification } from "maplibre-gl";
import { useMap } from "./MapView";

type LayerWithoutSource = { id: string } & Record<string, unknown>;

/**
 * A GeoJSON source and its layers. Renders nothing: adds the source (named by useId) once the map is ready,
 * updates it with setData, removes everything on cleanup.
 */
export function GeoJsonLayer({ data, layers, beforeId }: { data: FeatureCollection; layers: LayerWithoutSource[]; beforeId?: string }) {
  const map = useMap();
  const source = "src" + useId().replace(/[^a-zA-Z0-9]/g, "");
  const layerKey = JSON.stringify(layers);

  useEffect(() => {
    if (!map) return;
    map.addSource(source, { type: "geojson", data });
    const ids = layers.map((l) => source + "-" + l.id);
    layers.forEach((l, i) => map.addLayer({ ...l, id: ids[i], source } as LayerSpecification, beforeId && map.getLayer(beforeId) ? beforeId : undefined));
    return () => {
      if (!map.getStyle()) return;
      ids.forEach((id) => map.getLayer(id) && map.removeLayer(id));
      if (map.getSource(source)) map.removeSource(source);
    };
    // data is applied by the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, source, layerKey, beforeId]);

  useEffect(() => {
    const s = map?.getSource(source);
    if (s && "setData" in s) {
      (s as unknown as { setData: (d: FeatureCollection) => void }).setData(data);
    }
    if (!map) return;
    // The first frame that shows this data sets on the container how many of the layers' features it drew
    // (data-drawn-<first layer id>): what end-to-end tests and the pages benchmark wait for.
    const ids = layers.map((l) => source + "-" + l.id);
    const attribute = "data-drawn-" + (layers[0]?.id ?? "layer").replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    const mark = () => {
      const drawn = ids.filter((id) => map.getLayer(id));
      const count = drawn.length > 0 ? map.queryRenderedFeatures({ layers: drawn }).length : 0;
      map.getContainer().setAttribute(attribute, String(count));
      if (count > 0 || data.features.length === 0) map.off("render", mark);
    };
    map.on("render", mark);
    return () => {
      map.off("render", mark);
    };
    // layers are keyed by layerKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, source, data, layerKey]);

  return null;
}

/** Fits the map to every coordinate given, when they change (and when a map fitted while hidden is shown). */
export function FitBounds({ points, padding = 48 }: { points: [number, number][]; padding?: number }) {
  const map = useMap();
  const key = points.length > 0 ? `${points.length}:${points[0]}:${points[points.length - 1]}` : "";
  useEffect(() => {
    if (!map || points.length === 0) return;
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const [x, y] of points) {
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    }
    const fit = () => map.fitBounds([[w, s], [e, n]], { padding, duration: 0, maxZoom: 15 });
    fit();
    // A map fitted while hidden (a phone tab not shown yet) had no size: fit again once it has one.
    let hidden = map.getContainer().clientWidth === 0;
    const onResize = () => {
      if (hidden && map.getContainer().clientWidth > 0) {
        hidden = false;
        fit();
      }
    };
    map.on("resize", onResize);
    return () => { map.off("resize", onResize); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key, padding]);
  return null;
}
