import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { formatTime } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import { useToast } from "../../ui/Toast";
import panel from "../../ui/Panel.module.css";
import { reloadLiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

type Preview = Schemas["ReplanPreview"];

/**
 * The in-day re-plan: previews what moves between couriers from where they are now and which at-risk windows it saves;
 * accepting applies the moves as plan edits (each at the position the re-plan chose) and publishes, so the tablets get
 * their changed routes and the customers' ETAs move.
 */
export function ReplanDialog({ open, date, onClose }: { open: boolean; date: string; onClose: () => void }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const toast = useToast();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setPreview(null);
    setError(null);
    let cancelled = false;
    void api.POST("/api/v1/depots/{depotId}/live/replan", { params: { path: { depotId: board.depot.id }, query: { date } } }).then(({ data, error: e }) => {
      if (cancelled) return;
      if (data) setPreview(data);
      else setError(describeProblem(e, t("live.failed")));
    });
    return () => { cancelled = true; };
  }, [open, date, board.depot.id, t]);

  async function accept() {
    if (!preview) return;
    setBusy(true);
    try {
      let versionId = preview.planVersionId;
      // In each route's order, so every position is counted on the route as the earlier moves left it.
      const moves = [...preview.moves].sort((a, b) => a.toCourierId - b.toCourierId || a.position - b.position);
      for (const m of moves) {
        const edit = await api.POST("/api/v1/plan-versions/{versionId}/edits", { params: { path: { versionId } },
          body: { kind: "move", orderId: m.orderId, courierId: m.toCourierId, position: m.position, otherOrderId: null, confirm: true } });
        if (!edit.data) {
          toast({ text: describeProblem(edit.error, t("live.failed")), error: true });
          return;
        }
        versionId = edit.data.versionId;
      }
      if (moves.length > 0) {
        const published = await api.POST("/api/v1/plan-versions/{versionId}/publish", { params: { path: { versionId } } });
        if (!published.response.ok) {
          toast({ text: describeProblem(published.error, t("live.failed")), error: true });
          return;
        }
      }
      toast({ text: t("live.replanned", { count: moves.length }) });
      await reloadLiveDay();
      onClose();
    } finally {
      setBusy(false);
    }
  }

  const time = (v: string | null | undefined) => (v ? formatTime(v, board.locale, board.zone) : "—");
  return (
    <Dialog wide title={t("live.replanTitle")} open={open} onClose={onClose}
      footer={<><Button onClick={onClose}>{t("cancel")}</Button>
        <Button variant="primary" disabled={!preview || busy || preview.moves.length === 0} onClick={() => void accept()}>{t("live.replanAccept")}</Button></>}>
      <p className={panel.muted}>{t("live.replanHint")}</p>
      {!preview && !error && <p className={styles.empty} role="status">{t("live.replanRunning")}</p>}
      {error && <p className={panel.error} role="alert">{error}</p>}
      {preview && (
        <>
          <p role="status">
            {t("live.replanSummary", { count: preview.moves.length, saved: preview.savedOrderIds.length, atRisk: preview.savedOrderIds.length + preview.stillAtRiskOrderIds.length, couriers: preview.couriers })}
            {" "}<span className={panel.muted}>{t("live.replanElapsed", { seconds: preview.elapsedSeconds })}</span>
          </p>
          {preview.moves.length === 0 ? <p className={styles.empty}>{t("live.replanNothing")}</p> : (
            <table className={panel.table} aria-label={t("live.replanMoves")}>
              <thead><tr><th>{t("live.customer")}</th><th>{t("live.replanFrom")}</th><th>{t("live.replanTo")}</th><th>{t("live.eta")}</th><th>{t("live.replanNew")}</th><th>{t("live.window")}</th></tr></thead>
              <tbody>
                {preview.moves.map((m) => (
                  <tr key={m.orderId}>
                    <td>{m.shopOrderId} · {m.customerName}{preview.savedOrderIds.includes(m.orderId) && <> <span className={[panel.badge, panel.badgeOk].join(" ")}>{t("live.replanSaved")}</span></>}</td>
                    <td>{m.fromCourier}</td><td>{m.toCourier} ({t("live.stopNumber", { n: m.position })})</td>
                    <td className={panel.mono}>{time(m.etaBefore)}</td><td className={panel.mono}>{time(m.plannedArrival)}</td><td className={panel.mono}>{time(m.windowEndUtc)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.kept > 0 && <p className={panel.muted}>{t("live.replanKept", { count: preview.kept })}</p>}
        </>
      )}
    </Dialog>
  );
}
