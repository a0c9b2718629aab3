import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import panel from "../../ui/Panel.module.css";
import type { Edit } from "./useEdits";

type Plan = Schemas["PlanVersionView"];
export type MoveTarget = { orderId: number; label: string; mode: "move" | "swap" | "assign" };

/** The keyboard way to edit: choose a route and a position (or the stop to swap with) from lists. */
export function MoveDialog({ plan, target, onClose, onEdit }: { plan: Plan; target: MoveTarget | null; onClose: () => void; onEdit: (e: Edit, what: string) => void }) {
  const { t } = useTranslation("board");
  const editable = plan.routes.filter((r) => !r.locked);
  const [courierId, setCourierId] = useState<number>(editable[0]?.courierId ?? 0);
  const [position, setPosition] = useState<string>("");
  const [other, setOther] = useState<number>(0);
  useEffect(() => { setPosition(""); setOther(0); }, [target]);
  const route = plan.routes.find((r) => r.courierId === courierId);
  const others = plan.routes.filter((r) => !r.locked).flatMap((r) => r.stops.filter((s) => s.orderId !== target?.orderId).map((s) => ({ r, s })));

  function apply() {
    if (!target) return;
    if (target.mode === "swap") {
      const o = others.find((x) => x.s.orderId === other);
      if (o) onEdit({ kind: "swap", orderId: target.orderId, otherOrderId: o.s.orderId }, t("edit.swapped", { order: target.label, other: o.s.shopOrderId }));
    } else {
      onEdit({ kind: target.mode === "assign" ? "assign" : "move", orderId: target.orderId, courierId, position: position ? Number(position) : null },
        t("edit.moved", { order: target.label, courier: route?.courierName ?? "" }));
    }
    onClose();
  }

  const title = !target ? "" : target.mode === "swap" ? t("edit.swapTitle", { order: target.label }) : target.mode === "assign" ? t("edit.assignTitle", { order: target.label }) : t("edit.moveTitle", { order: target.label });
  return (
    <Dialog title={title} open={target !== null} onClose={onClose}
      footer={<><Button onClick={onClose}>{t("cancel")}</Button><Button variant="primary" onClick={apply} disabled={target?.mode === "swap" && !other}>{t("edit.apply")}</Button></>}>
      {target?.mode === "swap" ? (
        <div className={panel.formField}>
          <label htmlFor="swap-other">{t("edit.otherStop")}</label>
          <select id="swap-other" className={panel.selectInput} value={other} onChange={(e) => setOther(Number(e.target.value))}>
            <option value={0}>—</option>
            {others.map(({ r, s }) => <option key={s.orderId} value={s.orderId}>{r.courierName} · {s.sequence}. {s.shopOrderId} {s.customerName}</option>)}
          </select>
        </div>
      ) : (
        <div className={panel.form}>
          <div className={panel.formField}>
            <label htmlFor="move-route">{t("edit.route")}</label>
            <select id="move-route" className={panel.selectInput} value={courierId} onChange={(e) => { setCourierId(Number(e.target.value)); setPosition(""); }}>
              {editable.map((r) => <option key={r.courierId} value={r.courierId}>{r.courierName} ({t("plan.stops", { count: r.stops.length })})</option>)}
            </select>
          </div>
          <div className={panel.formField}>
            <label htmlFor="move-position">{t("edit.position")}</label>
            <select id="move-position" className={panel.selectInput} value={position} onChange={(e) => setPosition(e.target.value)}>
              <option value="">{t("edit.end")}</option>
              {(route?.stops ?? []).map((s, i) => <option key={s.orderId} value={i + 1}>{i + 1}. {t("edit.before", { order: s.shopOrderId })}</option>)}
            </select>
          </div>
        </div>
      )}
    </Dialog>
  );
}
