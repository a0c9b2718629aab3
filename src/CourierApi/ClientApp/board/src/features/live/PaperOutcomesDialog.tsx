import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { formatTime } from "../../../../shared/i18n/format";
import { zonedInstant } from "../../../../shared/i18n/zoned";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import { useToast } from "../../ui/Toast";
import panel from "../../ui/Panel.module.css";
import { reloadLiveDay, type LiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

type Entry = { kind: "" | "delivered" | "failed"; time: string };

function clock(instant: string, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

/** The silent courier's paper manifest typed in afterwards: an outcome and handover time per open stop (stored with source paper). */
export function PaperOutcomesDialog({ day, routeId, now, onClose }: { day: LiveDay; routeId: number | null; now: Date; onClose: () => void }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const toast = useToast();
  const courier = day.couriers.find((c) => c.routeId === routeId);
  const open = courier?.stops.filter((s) => s.status === "Open" || s.status === "Arrived") ?? [];
  const [entries, setEntries] = useState<Record<number, Entry>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setEntries({}), [routeId]);

  async function save() {
    if (!routeId) return;
    setBusy(true);
    let saved = 0;
    try {
      for (const s of open) {
        const e = entries[s.orderId];
        if (!e?.kind) continue;
        const typed = zonedInstant(day.date, e.time || clock(s.plannedArrival, board.zone), board.zone);
        const at = typed.getTime() > now.getTime() ? now : typed; // a handover is never in the future
        const { error, response } = await api.POST("/api/v1/routes/{routeId}/stops/{stopId}/paper-outcome", { params: { path: { routeId, stopId: s.orderId } },
          body: { kind: e.kind, occurredAt: at.toISOString(), reason: e.kind === "failed" ? "no_one_home" : null, refusedItems: null, note: null } });
        if (!response.ok) {
          toast({ text: `${s.sequence}. ${describeProblem(error, t("live.failed"))}`, error: true });
          return;
        }
        saved++;
      }
      toast({ text: t("live.paperSaved", { count: saved }) });
      await reloadLiveDay();
      onClose();
    } finally {
      setBusy(false);
    }
  }

  const set = (id: number, change: Partial<Entry>) => setEntries((old) => ({ ...old, [id]: { kind: "", time: "", ...old[id], ...change } }));
  return (
    <Dialog wide title={t("live.paperTitle", { courier: courier?.name ?? "" })} open={routeId !== null} onClose={onClose}
      footer={<><Button onClick={onClose}>{t("cancel")}</Button><Button variant="primary" disabled={busy} onClick={() => void save()}>{t("save")}</Button></>}>
      <p className={panel.muted}>{t("live.paperHint")}</p>
      {open.length === 0 ? <p className={styles.empty}>{t("live.paperNothing")}</p> : (
        <table className={panel.table}>
          <thead><tr><th>#</th><th>{t("live.customer")}</th><th>{t("live.planned")}</th><th>{t("live.outcome")}</th><th>{t("live.handover")}</th></tr></thead>
          <tbody>
            {open.map((s) => (
              <tr key={s.orderId}>
                <td>{s.sequence}</td>
                <td>{s.shopOrderId} · {s.customerName}</td>
                <td className={panel.mono}>{formatTime(s.plannedArrival, board.locale, board.zone)}</td>
                <td>
                  <select aria-label={t("live.outcomeFor", { n: s.sequence })} className={panel.selectInput} value={entries[s.orderId]?.kind ?? ""}
                    onChange={(e) => set(s.orderId, { kind: e.target.value as Entry["kind"] })}>
                    <option value="">—</option>
                    <option value="delivered">{t("live.outcomeDelivered")}</option>
                    <option value="failed">{t("live.outcomeFailed")}</option>
                  </select>
                </td>
                <td>
                  <input type="time" aria-label={t("live.handoverFor", { n: s.sequence })} className={panel.input}
                    value={entries[s.orderId]?.time || clock(s.plannedArrival, board.zone)} onChange={(e) => set(s.orderId, { time: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
