import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import panel from "../../ui/Panel.module.css";

/** After a re-plan: which orders changed courier (or became unassigned), before the dispatcher accepts the new plan. */
export function MovedDialog({ moved, number, open, onAccept }: { moved: Schemas["MovedOrder"][]; number: number; open: boolean; onAccept: () => void }) {
  const { t } = useTranslation("board");
  return (
    <Dialog title={t("moved.title")} open={open} onClose={onAccept} wide footer={<Button variant="primary" onClick={onAccept}>{t("moved.accept")}</Button>}>
      <p>{t("moved.lead", { number })} <strong>{t("moved.count", { count: moved.length })}</strong></p>
      {moved.length === 0 ? <p>{t("moved.none")}</p> : (
        <table className={panel.table}>
          <caption className="visually-hidden">{t("moved.title")}</caption>
          <thead><tr><th>{t("moved.order")}</th><th>{t("moved.from")}</th><th>{t("moved.to")}</th></tr></thead>
          <tbody>
            {moved.map((m) => (
              <tr key={m.orderId}>
                <td className={panel.mono}>{m.shopOrderId}</td>
                <td>{m.fromCourier ?? <span className={panel.muted}>{t("moved.unassigned")}</span>}</td>
                <td>{m.toCourier ?? <span className={[panel.badge, panel.badgeWarn].join(" ")}>{t("moved.unassigned")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
