import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { formatTime } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import panel from "../../ui/Panel.module.css";

type Plan = Schemas["PlanVersionView"];

/** Confirm, then publish: couriers' tablets are told, customers get their planned window. */
export function PublishDialog({ plan, published, open, onClose, onDone, locale, zone }:
  { plan: Plan; published: Plan | null; open: boolean; onClose: () => void; onDone: (text: string) => void; locale: string; zone: string }) {
  const { t } = useTranslation("board");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const before = new Map((published?.routes ?? []).map((r) => [r.courierId, r.stops.map((s) => s.orderId).join(",")]));
  const changed = published ? plan.routes.filter((r) => before.get(r.courierId) !== r.stops.map((s) => s.orderId).join(",")) : [];

  async function publish() {
    setBusy(true);
    const { error: problem, response } = await api.POST("/api/v1/plan-versions/{versionId}/publish", { params: { path: { versionId: plan.id } } });
    setBusy(false);
    if (!response.ok) {
      setError(describeProblem(problem, t("publish.failed")));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/plans/{date}"] });
    onDone(t("publish.done"));
    onClose();
  }

  return (
    <Dialog title={t("publish.title", { number: plan.number })} open={open} onClose={onClose}
      footer={<><Button onClick={onClose}>{t("cancel")}</Button><Button variant="primary" disabled={busy} onClick={() => void publish()}>{t("publish.confirm")}</Button></>}>
      {error && <p className={panel.error} role="alert">{error}</p>}
      <p>{t("publish.lead")}</p>
      {!published ? <p>{t("publish.firstTime")}</p> : changed.length === 0 ? <p>{t("publish.noChanges")}</p> : (
        <>
          <p>{t("publish.changes")}</p>
          <ul>{changed.map((r) => <li key={r.routeId}><strong>{r.courierName}</strong>: {t("plan.stops", { count: r.stops.length })}{r.stops.length > 0 ? `, ${formatTime(r.startAt, locale, zone)}–${formatTime(r.endAt, locale, zone)}` : ""}</li>)}</ul>
        </>
      )}
      <table className={panel.table}>
        <caption className="visually-hidden">{t("plan.routes", { count: plan.routes.length })}</caption>
        <thead><tr><th>{t("fleet.courier")}</th><th className={panel.num}>{t("publish.stops")}</th><th>{t("fleet.shift")}</th></tr></thead>
        <tbody>{plan.routes.filter((r) => r.stops.length > 0).map((r) => <tr key={r.routeId}><td>{r.courierName}</td><td className={panel.num}>{r.stops.length}</td><td className={panel.mono}>{formatTime(r.startAt, locale, zone)}–{formatTime(r.endAt, locale, zone)}</td></tr>)}</tbody>
      </table>
    </Dialog>
  );
}
