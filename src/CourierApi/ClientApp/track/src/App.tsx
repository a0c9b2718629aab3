import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../shared/ui/LanguageSwitch";
import { tokenFromPath } from "./api";
import { useTracking } from "./features/eta/useTracking";
import { StatusCard } from "./features/eta/StatusCard";
import { Timeline } from "./features/eta/Timeline";
import { RiskNotice } from "./features/options/RiskNotice";
import { RatingForm } from "./features/feedback/RatingForm";
import styles from "./Track.module.css";

// The map (MapLibre, ~300 kB gzip) loads only once the text is on screen and only while there is a position to show.
const CourierMap = lazy(() => import("./features/courier-map/CourierMap").then((m) => ({ default: m.CourierMap })));

const token = tokenFromPath(location.pathname);

export function App() {
  const { t } = useTranslation("track");
  const { load, status: live, apply } = useTracking(token);

  return (
    <div className={styles.page}>
      <header className={styles.top}>
        <h1 className={styles.brand}>{t("title")}</h1>
        <LanguageSwitch tone="light" />
      </header>
      <main className={styles.main}>
        {load.state === "loading" && <p className={styles.card} role="status">{t("loading")}</p>}
        {(load.state === "unknown" || load.state === "expired") && (
          <section className={styles.card} aria-labelledby="gone">
            <h2 id="gone" className={styles.heading}>{t(`${load.state}.title`)}</h2>
            <p>{t(`${load.state}.body`)}</p>
          </section>
        )}
        {load.state === "limited" && <p className={styles.card} role="alert">{t("limited")}</p>}
        {load.state === "error" && <p className={styles.card} role="alert">{t("error")}</p>}
        {load.state === "ready" && (
          <>
            {live === "paused" && load.page.routeId && <p className={styles.paused} role="status">{t("paused")}</p>}
            <StatusCard page={load.page} />
            <RiskNotice page={load.page} token={token} onChanged={apply} />
            {load.page.courier ? (
              <Suspense fallback={<div className={styles.mapSlot} />}>
                <CourierMap courier={load.page.courier} timeZone={load.page.timeZone} />
              </Suspense>
            ) : load.page.phase === "on_the_way" ? <p className={styles.hint}>{t("map.hidden")}</p> : null}
            <RatingForm page={load.page} token={token} onRated={apply} />
            <Timeline page={load.page} />
          </>
        )}
      </main>
    </div>
  );
}
