import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Schemas } from "../../../../shared/api/client";
import { describeProblem, isProblem } from "../../../../shared/api/problem";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import { editViolationText } from "../../ui/issues";
import { useToast } from "../../ui/Toast";
import panel from "../../ui/Panel.module.css";
import { reloadLiveDay, type LiveDay } from "./useLiveDay";

/**
 * Moves an at-risk stop to another courier still on the road (to the end of their route, re-timed by the planner),
 * then publishes: both tablets receive their changed routes and the stop's ETA follows the new courier.
 */
export function MoveStopDialog({ day, orderId, onClose }: { day: LiveDay; orderId: number | null; onClose: () => void }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const toast = useToast();
  const from = day.couriers.find((c) => c.stops.some((s) => s.orderId === orderId));
  const stop = from?.stops.find((s) => s.orderId === orderId);
  // Couriers still reachable (a silent tablet would not hear of the stop), least behind first; one back early is a fine helper.
  const candidates = day.couriers.filter((c) => c.courierId !== from?.courierId && !c.silent)
    .sort((a, b) => (a.behindMinutes ?? 0) - (b.behindMinutes ?? 0) || a.remaining - b.remaining);
  const [courierId, setCourierId] = useState(0);
  const [violations, setViolations] = useState<Schemas["ViolationView"][] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setCourierId(candidates[0]?.courierId ?? 0); setViolations(null); }, [orderId]); // eslint-disable-line react-hooks/exhaustive-deps

  async function move(confirm: boolean) {
    if (!orderId || !day.planVersionId || !courierId) return;
    setBusy(true);
    try {
      const edit = await api.POST("/api/v1/plan-versions/{versionId}/edits", { params: { path: { versionId: day.planVersionId } },
        body: { kind: "move", orderId, courierId, position: null, otherOrderId: null, confirm } });
      if (!edit.data) {
        const codes = isProblem(edit.error) ? (edit.error as { violationCodes?: Schemas["ViolationView"][] }).violationCodes : undefined;
        if (edit.response.status === 409 && codes) setViolations(codes);
        else toast({ text: describeProblem(edit.error, t("live.failed")), error: true });
        return;
      }
      const published = await api.POST("/api/v1/plan-versions/{versionId}/publish", { params: { path: { versionId: edit.data.versionId } } });
      if (!published.response.ok) {
        toast({ text: describeProblem(published.error, t("live.failed")), error: true });
        return;
      }
      toast({ text: t("live.moved", { order: stop?.shopOrderId ?? "", courier: candidates.find((c) => c.courierId === courierId)?.name ?? "" }) });
      await reloadLiveDay();
      onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("live.moveTitle", { order: stop ? `${stop.shopOrderId} (${stop.customerName})` : "" })} open={orderId !== null} onClose={onClose}
      footer={<>
        <Button onClick={onClose}>{t("cancel")}</Button>
        {violations ? <Button variant="danger" disabled={busy} onClick={() => void move(true)}>{t("live.moveAnyway")}</Button>
          : <Button variant="primary" disabled={busy || !courierId} onClick={() => void move(false)}>{t("live.moveAndPublish")}</Button>}
      </>}>
      <div className={panel.formField}>
        <label htmlFor="live-move-courier">{t("live.moveTo")}</label>
        <select id="live-move-courier" className={panel.selectInput} value={courierId} onChange={(e) => { setCourierId(Number(e.target.value)); setViolations(null); }}>
          {candidates.map((c) => (
            <option key={c.courierId} value={c.courierId}>
              {c.name} — {t("live.remainingStops", { count: c.remaining })}{c.behindMinutes != null ? ", " + (c.behindMinutes > 0 ? t("live.behindBy", { count: c.behindMinutes }) : t("live.onPlan")) : ""}
            </option>
          ))}
        </select>
        <p className={panel.muted}>{t("live.moveHint")}</p>
      </div>
      {violations && (
        <div className={panel.error} role="alert">
          <p>{t("live.moveBreaks")}</p>
          <ul>{violations.map((v, i) => <li key={i}>{editViolationText(t, v, board)}</li>)}</ul>
        </div>
      )}
    </Dialog>
  );
}
