import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { formatTime } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import { useToast } from "../../ui/Toast";
import panel from "../../ui/Panel.module.css";
import { reloadLiveDay, type LiveAlert, type LiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

export type AlertAction = { kind: "moveStop" | "paperOutcomes" | "story" | "replan"; alert: LiveAlert };

/** The alerts as a queue: newest risks first, each with its suggested actions and an acknowledgement (who and when, stored). */
export function AlertQueue({ day, onAction }: { day: LiveDay; onAction: (a: AlertAction) => void }) {
  const { t } = useTranslation("board");
  const [showDone, setShowDone] = useState(false);
  const open = day.alerts.filter((a) => !a.acknowledgedAt);
  const done = day.alerts.filter((a) => a.acknowledgedAt);
  return (
    <section className={panel.panel} aria-labelledby="live-alerts">
      <div className={styles.sectionHead}>
        <h2 id="live-alerts">{t("live.alerts")} <span className={[panel.badge, open.length > 0 ? panel.badgeDanger : panel.badgeOk].join(" ")}>{open.length}</span></h2>
        {done.length > 0 && <Button small variant="ghost" onClick={() => setShowDone(!showDone)} aria-expanded={showDone}>{t("live.acknowledgedCount", { count: done.length })}</Button>}
      </div>
      {open.length === 0 && <p className={styles.empty}>{day.live ? t("live.noAlerts") : t("live.notToday")}</p>}
      <ul className={styles.alerts}>
        {open.map((a) => <AlertItem key={a.key} alert={a} day={day} onAction={onAction} />)}
        {showDone && done.map((a) => <AlertItem key={a.key} alert={a} day={day} onAction={onAction} />)}
      </ul>
    </section>
  );
}

function AlertItem({ alert: a, day, onAction }: { alert: LiveAlert; day: LiveDay; onAction: (a: AlertAction) => void }) {
  const { t, i18n } = useTranslation("board");
  const board = useBoard();
  const toast = useToast();
  const courier = day.couriers.find((c) => c.courierId === a.courierId);
  const stop = courier?.stops.find((s) => s.orderId === a.orderId);
  const lang = "?lang=" + encodeURIComponent(i18n.language);

  async function acknowledge() {
    const { error, response } = await api.POST("/api/v1/depots/{depotId}/live/alerts/acknowledge", { params: { path: { depotId: board.depot.id } }, body: { date: day.date, key: a.key } });
    if (!response.ok) toast({ text: describeProblem(error, t("live.failed")), error: true });
    await reloadLiveDay();
  }

  async function callbackDone() {
    if (!a.orderId) return;
    const { error, response } = await api.POST("/api/v1/orders/{orderId}/callback/done", { params: { path: { orderId: a.orderId } }, body: { outcome: null } });
    if (!response.ok) toast({ text: describeProblem(error, t("live.failed")), error: true });
    await acknowledge();
  }

  const title = {
    atRisk: t("live.alert.atRisk", { customer: stop?.customerName ?? "", courier: courier?.name ?? "" }),
    silent: t("live.alert.silent", { courier: courier?.name ?? "", at: formatTime(a.at, board.locale, board.zone) }),
    failed: t("live.alert.failed", { customer: stop?.customerName ?? "", courier: courier?.name ?? "" }),
    callback: t("live.alert.callback"),
  }[a.kind] ?? a.kind;

  return (
    <li className={styles.alert} data-kind={a.kind} aria-label={title}>
      <div className={styles.alertHead}>
        <span className={[panel.badge, a.kind === "atRisk" || a.kind === "silent" ? panel.badgeDanger : panel.badgeWarn].join(" ")}>{t(`live.kind.${a.kind}` as "live.kind.atRisk")}</span>
        <strong className={styles.alertTitle}>{title}</strong>
      </div>
      <div className={styles.alertFacts}>
        {a.kind === "atRisk" && stop && (
          <span>{t("live.predicted", { eta: formatTime(stop.eta, board.locale, board.zone), end: formatTime(stop.windowEndUtc, board.locale, board.zone) })}
            {a.lateMinutes != null && a.lateMinutes > 0 && <> · <strong className={styles.lateText}>{t("live.lateBy", { count: a.lateMinutes })}</strong></>}
          </span>
        )}
        {a.customerChoice && <span className={[panel.badge, panel.badgeInfo].join(" ")}>{t("live.choice")}: {t(`live.choices.${a.customerChoice}` as "live.choices.neighbour", { defaultValue: a.customerChoice })}</span>}
        {a.acknowledgedAt && <span className={panel.muted}>{t("live.acknowledgedBy", { who: a.acknowledgedBy, at: formatTime(a.acknowledgedAt, board.locale, board.zone) })}</span>}
      </div>
      <div className={styles.alertActions}>
        {a.actions.map((action) => {
          switch (action) {
            case "callCustomer":
            case "callCourier":
              return a.phone ? <a key={action} className={[panel.linkButton, panel.linkSmall].join(" ")} href={`tel:${a.phone}`}>{t(`live.action.${action}`)} {a.phone}</a>
                : <span key={action} className={panel.muted}>{t("live.noPhone")}</span>;
            case "printManifest":
              return <a key={action} className={[panel.linkButton, panel.linkSmall].join(" ")} href={`/api/v1/routes/${a.routeId}/manifest.pdf${lang}`} target="_blank" rel="noopener">{t("live.action.printManifest")}</a>;
            case "moveStop":
            case "paperOutcomes":
            case "replan":
              return board.editable ? <Button key={action} small onClick={() => onAction({ kind: action, alert: a })}>{t(`live.action.${action}`)}</Button> : null;
            case "callbackDone":
              return board.editable && !a.acknowledgedAt ? <Button key={action} small onClick={() => void callbackDone()}>{t("live.action.callbackDone")}</Button> : null;
            default:
              return null;
          }
        })}
        {a.orderId && <Button small variant="ghost" onClick={() => onAction({ kind: "story", alert: a })}>{t("live.action.story")}</Button>}
        {board.editable && !a.acknowledgedAt && <Button small variant="primary" onClick={() => void acknowledge()}>{t("live.acknowledge")}</Button>}
      </div>
    </li>
  );
}
