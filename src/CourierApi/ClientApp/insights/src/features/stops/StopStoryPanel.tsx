import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { $api } from "../../../../shared/api/client";
import { formatDateTime, formatNumber } from "../../../../shared/i18n/format";
import { intlLocale } from "../../../../shared/i18n/language";
import { Button } from "../../../../shared/ui/Button";
import { DataTable } from "../../ui/DataTable";
import { Panel } from "../../ui/Panel";
import { stopColumns } from "./StopsPanel";
import styles from "./StopStoryPanel.module.css";

// MapLibre is loaded only when a story is opened: the page's first paint carries no map.
const StoryMap = lazy(() => import("./StoryMap").then((m) => ({ default: m.StoryMap })));

/** A stop's story: the lateness parts, its events, its route planned against actual, and the courier's track on the map. */
export function StopStoryPanel({ routeId, orderId, onClose }: { routeId: number; orderId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  const story = $api.useQuery("get", "/api/v1/insights/routes/{routeId}/stops/{orderId}", { params: { path: { routeId, orderId } } });
  const s = story.data?.stop;
  const m = (v: number) => formatNumber(v, locale, 1);
  return (
    <Panel id="story" title={t("story.title", { order: orderId })} wide actions={<Button small onClick={onClose}>{t("stops.close")}</Button>}>
      {story.isPending && <p>{t("loading")}</p>}
      {story.isError && <p role="alert">{t("story.notFound")}</p>}
      {story.data && s && (
        <div className={styles.grid}>
          <div className={styles.facts}>
            <p className={styles.result}>{t(`result.${s.result}` as "result.hit")}{s.lateMinutes != null ? ` · ${t("story.lateBy", { minutes: m(s.lateMinutes) })}` : ""}
              {s.source === "paper" ? ` · ${t("stop.paper")}` : ""}</p>
            {s.parts && (
              <ul className={styles.parts} aria-label={t("story.parts")}>
                {(Object.entries(s.parts) as [string, number][]).filter(([, v]) => v > 0.05).map(([k, v]) => (
                  <li key={k}>{t(`cause.${k}` as "cause.departure")}: <strong>{m(v)}</strong> {t("minShort")}</li>
                ))}
              </ul>
            )}
            <h3 className={styles.h3}>{t("story.events")}</h3>
            <ol className={styles.events}>
              {story.data.events.map((e, i) => (
                <li key={i}>{formatDateTime(e.occurredAt, locale, s.timeZone)} — {t(`event.${e.kind}`, { defaultValue: e.kind })} ({t(`source.${e.source}`, { defaultValue: e.source })}){e.reason ? `: ${e.reason}` : ""}</li>
              ))}
            </ol>
          </div>
          <div className={styles.map}>
            <Suspense fallback={<p>{t("loading")}</p>}>
              <StoryMap track={story.data.track} location={story.data.location as [number, number]} label={t("story.map")} noTrack={t("story.noTrack")} />
            </Suspense>
          </div>
          <div className={styles.route}>
            <DataTable caption={t("story.route")} fileName={`route-${routeId}`} rows={story.data.route} rowKey={(r) => String(r.orderId)} columns={stopColumns(t, locale)} compact />
          </div>
        </div>
      )}
    </Panel>
  );
}
