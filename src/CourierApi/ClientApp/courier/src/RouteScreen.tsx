import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../shared/i18n/language";
import { useLiveStatus } from "../../shared/live/useLive";
import { now } from "../../shared/time/clock";
import { LanguageSwitch } from "../../shared/ui/LanguageSwitch";
import { useGps, useWakeLock } from "./features/gps/useGps";
import { RejectedList } from "./features/outbox/RejectedList";
import { SyncStatus, useOfflineNote } from "./features/outbox/SyncStatus";
import { ChangeBanner } from "./features/route/ChangeBanner";
import { diffRoutes, type RouteChange } from "./features/route/routeChanges";
import { RouteList } from "./features/route/RouteList";
import { RouteMap } from "./features/route/RouteMap";
import { StopCard } from "./features/route/StopCard";
import { isDone, localStatus, type LocalStop } from "./features/route/stopStatus";
import { useAreaTiles } from "./features/route/useAreaTiles";
import { useCourierRoute, type CourierRoute } from "./features/route/useCourierRoute";
import { StopActions } from "./features/stop-actions/StopActions";
import { UndoBar } from "./features/stop-actions/UndoBar";
import { signOutDevice } from "./session";
import { courierDb, startSync } from "./sync";
import { useStored } from "./useStored";
import styles from "./Courier.module.css";

type Tab = "next" | "list" | "map";

function useTicker(ms: number): number {
  const [t, setT] = useState(() => now().getTime());
  useEffect(() => { const id = setInterval(() => setT(now().getTime()), ms); return () => clearInterval(id); }, [ms]);
  return t;
}

/** The courier's day: sync state always on top, then the list, the next door with its one-tap outcomes, and the map. */
export function RouteScreen() {
  const { t, i18n } = useTranslation("courier");
  const locale = intlLocale(i18n.language);
  useEffect(startSync, []);
  const query = useCourierRoute();
  const hub = useLiveStatus("/hubs/courier");
  const queued = useStored(() => courierDb.events.toArray(), []); // in key order: the order of the taps
  const sent = useStored(() => courierDb.sent.toArray(), []);
  const positions = useStored(() => courierDb.positions.count(), 0);
  const photos = useStored(async () => (await courierDb.photos.toArray()).map(({ bytes: _, ...facts }) => facts), []);
  const lastAck = useStored(async () => ((await courierDb.meta.get("lastAckAt"))?.value as number | undefined) ?? null, null);
  const nowMs = useTicker(1_000);
  const [tab, setTab] = useState<Tab>("next");
  const [selected, setSelected] = useState<number | null>(null);
  const [change, setChange] = useState<RouteChange | null>(null);
  const seen = useRef<CourierRoute | null>(null);
  const offline = useOfflineNote();

  const data = query.data?.route ?? null;
  useEffect(() => {
    if (!data) return;
    const before = seen.current;
    if (before && before.planVersionId !== data.planVersionId) setChange(diffRoutes(before, data));
    seen.current = data;
  }, [data]);

  const zone = data?.timeZone ?? "UTC";
  const status = useMemo(() => {
    const m = new Map<number, LocalStop>();
    for (const d of data?.stops ?? []) m.set(d.orderId, localStatus(d.status, d.collectedTotal, String(d.orderId), sent, queued));
    return m;
  }, [data, sent, queued]);
  const stops = data?.route.stops ?? [];
  const next = stops.find((s) => !isDone(status.get(s.orderId)?.status ?? "open"))?.orderId ?? null;
  const current = stops.find((s) => s.orderId === selected) ?? stops.find((s) => s.orderId === next) ?? null;
  const sequenceOf = (stopId: string) => stops.find((s) => String(s.orderId) === stopId)?.sequence;
  const gps = useGps(data !== null);
  const awake = useWakeLock(data !== null);
  const waiting = queued.filter((e) => !e.rejected).length;
  const area = useAreaTiles(data);

  const select = (id: number) => { setSelected(id); setTab("next"); };
  const unpair = () => { if (confirm(t("unpairConfirm"))) signOutDevice("unpaired"); };

  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <span className={styles.brand}>{t("brand")}{data && <span className={styles.courierName}>{data.route.courierName}</span>}</span>
        <SyncStatus hub={hub} events={waiting} positions={positions} photos={photos.filter((p) => !p.rejected).length} lastAckAt={lastAck} locale={locale} zone={zone} />
        <span className={styles.gps} title={t("gps.note")}>{gps === "on" ? t("gps.on") : t("gps.off")} · {awake ? t("gps.awake") : t("gps.sleepy")}</span>
        <LanguageSwitch />
        <button type="button" className={styles.topButton} onClick={unpair}>{t("unpair")}</button>
      </header>
      <div className={styles.banners}>
        {offline && <p className={styles.note} role="status">{t("sync.offlineNote")}</p>}
        {change && <ChangeBanner change={change} onClose={() => setChange(null)} />}
        <RejectedList events={queued} photos={photos} sequenceOf={sequenceOf} />
        {(gps === "denied" || gps === "unavailable") && <p className={styles.note}>{t(`gps.${gps}`)}</p>}
        {data && <p className={styles.hint}><span className={styles.hintLong}>{t("gps.note")}</span><span className={styles.hintShort} title={t("gps.note")}>{t("gps.noteShort")}</span>{area && area.tiles > 0 && <span data-testid="area-tiles"> · {t("mapSaved", { count: area.tiles })}</span>}</p>}
      </div>
      {!data ? (
        <main className={styles.centre}><h1 className="visually-hidden">{t("title")}</h1><p role="status">{query.isPending ? t("loading") : t("noRoute")}</p></main>
      ) : (
        <main className={styles.body}>
          <h1 className="visually-hidden">{t("title")}</h1>
          <div className={styles.panel} data-active={tab === "list"}>
            <RouteList stops={stops} status={status} selected={current?.orderId ?? null} onSelect={select} locale={locale} zone={zone} />
          </div>
          <div className={styles.panel} data-active={tab === "next"}>
            {current ? (
              <StopCard stop={current} details={data.stops.find((d) => d.orderId === current.orderId)} status={status.get(current.orderId)!}
                total={stops.length} isNext={current.orderId === next} nowMs={nowMs} locale={locale} zone={zone}
                actions={<StopActions stop={current} details={data.stops.find((d) => d.orderId === current.orderId)} status={status.get(current.orderId)!} />} />
            ) : <p className={styles.centre}>{t("card.allDone")}</p>}
            {next === null && current && <p className={styles.centre}>{t("card.allDone")}</p>}
          </div>
          <div className={styles.mapPanel} data-active={tab === "map"}>
            <RouteMap route={data} status={status} next={next} />
          </div>
        </main>
      )}
      <div>
        <UndoBar events={queued} nowMs={nowMs} sequenceOf={sequenceOf} />
        {data && (
          <nav className={styles.tabs} aria-label={t("tabs.label")}>
            {(["next", "list", "map"] as const).map((v) => (
              <button key={v} type="button" className={styles.tab} aria-current={tab === v ? "page" : undefined} onClick={() => setTab(v)}>{t(`tabs.${v}`)}</button>
            ))}
          </nav>
        )}
      </div>
    </div>
  );
}
