import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../shared/i18n/language";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import type { RefusedItem } from "../outbox/db";
import { formatAmount, recalculatedTotal } from "../route/money";
import type { RouteStop, StopDetails } from "../route/useCourierRoute";
import styles from "./Actions.module.css";

/** Pick the refused items and quantities; the recalculated total shows before confirming. */
export function PartlyDialog({ open, stop, details, onClose, onConfirm }: {
  open: boolean; stop: RouteStop; details: StopDetails; onClose: () => void; onConfirm: (refused: RefusedItem[], total: number) => void;
}) {
  const { t, i18n } = useTranslation("courier");
  const locale = intlLocale(i18n.language);
  const [refused, setRefused] = useState(new Map<string, number>());
  useEffect(() => { if (open) setRefused(new Map()); }, [open]);
  const total = recalculatedTotal(details.items, refused);
  const picked = [...refused.entries()].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity }));
  const set = (sku: string, q: number) => setRefused((m) => new Map(m).set(sku, q));
  return (
    <Dialog title={t("partly.title", { n: stop.sequence })} open={open} onClose={onClose}
      footer={<>
        <Button className={styles.big} onClick={onClose}>{t("cancel")}</Button>
        <Button className={styles.big} variant="primary" disabled={picked.length === 0} onClick={() => onConfirm(picked, total)}>
          {t("partly.confirm", { amount: formatAmount(total, locale) })}
        </Button>
      </>}>
      <p>{t("partly.lead")}</p>
      <ul className={styles.rows}>
        {details.items.map((i) => {
          const q = refused.get(i.sku) ?? 0;
          return (
            <li key={i.sku} className={styles.row}>
              <span><strong>{i.sku}</strong><br /><span>{t("partly.ordered", { qty: i.quantity })} · {formatAmount(i.unitPrice, locale)}</span></span>
              <span className={styles.stepper} role="group" aria-label={t("partly.refused", { name: i.sku })}>
                <Button className={styles.step} aria-label={t("partly.less", { name: i.sku })} disabled={q === 0} onClick={() => set(i.sku, q - 1)}>−</Button>
                <output className={styles.count} aria-live="polite">{q}</output>
                <Button className={styles.step} aria-label={t("partly.more", { name: i.sku })} disabled={q >= i.quantity} onClick={() => set(i.sku, q + 1)}>+</Button>
              </span>
            </li>
          );
        })}
      </ul>
      <div className={styles.sums} aria-live="polite">
        <span>{t("partly.was", { amount: formatAmount(details.total, locale) })}</span>
        <span className={styles.newTotal}>{t("partly.now")}: <span data-testid="new-total">{formatAmount(total, locale)}</span></span>
        {picked.length === 0 && <span>{t("partly.pickOne")}</span>}
      </div>
    </Dialog>
  );
}
