import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url";
import { useTranslation } from "react-i18next";
import { cacheThenNetwork, networkThenCache } from "./tileCache";
import styles from "./MapView.module.css";

/** The map once its style has loaded; layers read it from here. Nothing else imports maplibre-gl. */
const MapContext = createContext<maplibregl.Map | null>(null);
export const useMap = () => useContext(MapContext);
export type { GeoJSONSourceSpecification, LayerSpecification, LngLatBoundsLike } from "maplibre-gl";

type Streets = "loading" | "streets" | "none";

// The worker is bundled by Vite next to the page's assets (MapLibre would look for it beside its own module file).
maplibregl.setWorkerUrl(workerUrl);

// No tiles: a plain background, and the facts (depot, stops, routes) drawn on it all the same.
const plainStyle: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#eef0f3" } }],
};

// Tiles of a map with an offline cache go through this protocol: MapLibre's worker hands such requests to the page,
// whose handler reads the Cache API first (the worker itself is outside the courier service worker's scope).
const cachedScheme = "delivery-cached";
let cacheFor: string | null = null;
function registerCacheProtocol(cache: string) {
  if (cacheFor === null) {
    maplibregl.addProtocol(cachedScheme, async (params, abort) => {
      const url = params.url.replace(cachedScheme + "://", location.protocol + "//");
      const response = await cacheThenNetwork(url, cacheFor ?? cache, abort.signal);
      if (!response.ok) throw new Error(`tile ${response.status}`);
      return { data: await response.arrayBuffer() };
    });
  }
  cacheFor = cache;
}

async function loadStyle(cache?: string): Promise<maplibregl.StyleSpecification | null> {
  const get = (url: string) => (cache ? networkThenCache(url, cache) : fetch(url, { credentials: "same-origin" }));
  try {
    const [network, style] = await Promise.all([
      get("/api/v1/road-network").then((r) => (r.ok ? r.json() : null)).catch(() => null),
      get("/map/style.json"),
    ]);
    if (!style.ok || (network && network.status !== "Loaded")) {
      return null;
    }
    const spec = (await style.json()) as maplibregl.StyleSpecification;
    if (cache) {
      registerCacheProtocol(cache);
      for (const source of Object.values(spec.sources)) {
        if ("tiles" in source && source.tiles) source.tiles = source.tiles.map((u) => u.replace(/^https?:\/\//, cachedScheme + "://"));
      }
    }
    return spec;
  } catch {
    return null;
  }
}

/**
 * Owns the MapLibre map: creates it in an effect, removes it on unmount, provides it to the layers below.
 * Streets come from the host's own tiles and style; without a road network the map says why and still draws the layers.
 */
export function MapView({ center, zoom = 12, children, label, offlineCache }: {
  center: [number, number]; zoom?: number; children?: ReactNode; label: string;
  /** A Cache API name: the style and tiles are read from it with no network (the courier app fills it for the day's area). */
  offlineCache?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [streets, setStreets] = useState<Streets>("loading");
  const [failed, setFailed] = useState(false);
  const [roadFeatures, setRoadFeatures] = useState(0);
  const { t } = useTranslation();

  useEffect(() => {
    let disposed = false;
    let instance: maplibregl.Map | null = null;
    let resize: ResizeObserver | null = null;
    void loadStyle(offlineCache).then((style) => {
      if (disposed || !container.current) return;
      setStreets(style ? "streets" : "none");
      try {
        instance = new maplibregl.Map({
          container: container.current,
          style: style ?? plainStyle,
          center,
          zoom,
          attributionControl: false,
          dragRotate: false,
          pitchWithRotate: false,
        });
      } catch {
        setFailed(true); // no WebGL2: the lists beside the map carry every fact
        return;
      }
      instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
      // Layers may add their sources once the style is parsed ("style.load"), not only after the first complete frame
      // ("load", which waits for every street tile): the route lines are then cut into tiles while the streets load.
      instance.once("style.load", () => !disposed && setMap(instance));
      // How many street features are drawn (tests read it: the streets rendered, also offline from the cache).
      instance.on("idle", () => !disposed && setRoadFeatures(instance?.queryRenderedFeatures().filter((f) => f.source === "roads").length ?? 0));
      // The container can change size without a window resize (a notice appears above, a card grows): follow it.
      resize = new ResizeObserver(() => instance?.resize());
      resize.observe(container.current);
    });
    return () => {
      disposed = true;
      resize?.disconnect();
      setMap(null);
      instance?.remove();
    };
    // The map is created once; later centres are applied by the layers (fit to bounds).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className={styles.wrap} role="region" aria-label={label}>
      <div ref={container} className={styles.map} data-testid="map" data-streets={streets} data-ready={map ? "true" : "false"} data-road-features={roadFeatures} />
      {failed && <p className={styles.note} role="status">{t("map.noWebgl")}</p>}
      {!failed && streets === "none" && <p className={styles.note} role="status">{t("map.noStreets")}</p>}
      <div className={styles.attribution}>© OpenStreetMap contributors</div>
      <MapContext.Provider value={map}>{children}</MapContext.Provider>
    </div>
  );
}
