import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useBoard } from "../../context";
import { unassignedText } from "../../ui/issues";
import panel from "../../ui/Panel.module.css";
import type { Plan } from "./usePlan";
import styles from "./Review.module.css";

/** Orders the plan leaves out, each with its reason in words. */
export function UnassignedPanel({ plan, renderAction }: { plan: Plan; renderAction?: (orderId: number) => ReactNode }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  return (
    <section className={panel.panel} aria-labelledby="unassigned-title">
      <div className={styles.sectionHead}><h3 id="unassigned-title">{t("plan.unassignedTitle", { count: plan.unassigned.length })}</h3></div>
      {plan.unassigned.length === 0 ? <p className={styles.empty}>{t("plan.allAssigned")}</p> : (
        <ul className={styles.unassigned}>
          {plan.unassigned.map((u) => (
            <li key={u.orderId}>
              <span><strong>{u.shopOrderId}</strong> · {u.customerName}</span>
              {renderAction?.(u.orderId)}
              <span className={styles.reason}>{unassignedText(t, u, board)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
