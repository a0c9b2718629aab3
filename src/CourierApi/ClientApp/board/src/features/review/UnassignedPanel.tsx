import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import panel from "../../ui/Panel.module.css";
import type { Plan } from "./usePlan";
import styles from "./Review.module.css";

const reasons = ["WindowUnreachable", "DemandExceedsEveryVehicle", "NoVehicleWithSkill", "ShiftTooShort", "FleetFull", "PinInfeasible", "Unassigned"] as const;

/** Orders the plan leaves out, each with its reason in words. */
export function UnassignedPanel({ plan, renderAction }: { plan: Plan; renderAction?: (orderId: number) => ReactNode }) {
  const { t } = useTranslation("board");
  return (
    <section className={panel.panel} aria-labelledby="unassigned-title">
      <div className={styles.sectionHead}><h3 id="unassigned-title">{t("plan.unassignedTitle", { count: plan.unassigned.length })}</h3></div>
      {plan.unassigned.length === 0 ? <p className={styles.empty}>{t("plan.allAssigned")}</p> : (
        <ul className={styles.unassigned}>
          {plan.unassigned.map((u) => (
            <li key={u.orderId}>
              <span><strong>{u.shopOrderId}</strong> · {u.customerName}</span>
              {renderAction?.(u.orderId)}
              <span className={styles.reason}>
                {(reasons as readonly string[]).includes(u.reason) ? t(`reason.${u.reason}` as "reason.Unassigned") : u.reason}
                {u.detail ? ` — ${u.detail}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
