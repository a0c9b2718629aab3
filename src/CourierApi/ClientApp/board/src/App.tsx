import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { $api } from "../../shared/api/client";
import { canEdit, useMe } from "../../shared/auth/session";
import { addDays, localDate } from "../../shared/i18n/format";
import { intlLocale } from "../../shared/i18n/i18n";
import { useLiveStatus } from "../../shared/live/useLive";
import { now } from "../../shared/time/clock";
import { AppShell, Banner } from "../../shared/ui/AppShell";
import { useUrlState } from "../../shared/url/useUrlState";
import { BoardContext, type Board, type BoardView } from "./context";
import { OrdersView } from "./features/orders/OrdersView";
import { FleetView } from "./features/fleet/FleetView";
import { PlanPage } from "./PlanPage";
import { LiveView } from "./features/live/LiveView";
import { DateField } from "./ui/DateField";
import { ToastHost } from "./ui/Toast";
import styles from "./App.module.css";

const views: BoardView[] = ["orders", "fleet", "plan", "live"];

export function App() {
  const { t, i18n } = useTranslation("board");
  const me = useMe();
  const depots = $api.useQuery("get", "/api/v1/depots", {}, { enabled: me.isSuccess });
  const [url, setUrl] = useUrlState();


  const depot = depots.data?.find((d) => String(d.id) === url.get("depot")) ?? depots.data?.[0];
  const zone = depot?.timeZone ?? "UTC";
  // /board/live opens the delivery day; the evening's views plan tomorrow, the live view follows today.
  const view: BoardView = (views as string[]).includes(url.get("view") ?? "") ? (url.get("view") as BoardView)
    : location.pathname.replace(/\/$/, "").endsWith("/live") ? "live" : "orders";
  const live = useLiveStatus(view === "live" ? "/hubs/live" : "/hubs/planning");
  const date = url.get("date") ?? addDays(localDate(now(), zone), view === "live" ? 0 : 1);

  const board = useMemo<Board | null>(() => depot ? ({
    depot, date, zone, locale: intlLocale(i18n.language), editable: canEdit(me.data),
    show: (v) => setUrl({ view: v }),
  }) : null, [depot, date, zone, i18n.language, me.data, setUrl]);

  const controls = depots.data && depot && (
    <div className={styles.controls}>
      <label className={styles.field}>
        <span className="visually-hidden">{t("depot")}</span>
        <select className={styles.select} value={depot.id} onChange={(e) => setUrl({ depot: e.target.value })}>
          {depots.data.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <DateField value={date} locale={intlLocale(i18n.language)} onChange={(d) => setUrl({ date: d })} />
      <nav className={styles.tabs} aria-label={t("views")}>
        {views.map((v) => (
          <button key={v} type="button" className={styles.tab} aria-current={v === view ? "page" : undefined} onClick={() => setUrl({ view: v, ...(v === "live" || view === "live" ? { date: null } : {}) })}>
            {t(`view.${v}`)}
          </button>
        ))}
      </nav>
    </div>
  );

  return (
    <AppShell user={me.data} controls={controls} banner={live === "paused" ? <Banner>{t("livePaused")}</Banner> : null}>
      {!board ? (
        <p className={styles.loading} role="status">{depots.isSuccess ? t("noDepot") : t("loading")}</p>
      ) : (
        <BoardContext.Provider value={board}><ToastHost>
          <h1 className="visually-hidden">{t("title")}</h1>
          {view === "orders" && <OrdersView />}
          {view === "fleet" && <FleetView />}
          {view === "plan" && <PlanPage />}
          {view === "live" && <LiveView />}
        </ToastHost></BoardContext.Provider>
      )}
    </AppShell>
  );
}
