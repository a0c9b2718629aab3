import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../shared/i18n/language";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import type { RefusedItem } from "../outbox/db";
import { formatAmount, recalculatedTotal, refusedBySku } from "../route/money";
import type { RouteStop, StopDetails } from "../route/useCourierRoute";
import type { Photo } from "../photo/photo";
import { OptionalPhoto } from "../photo/OptionalPhoto";
import styles from "./Actions.module.css";

/** Pick the refused items and quantities; the recalculated total shows before confirming. */
export function PartlyDialog({ open, stop, details, onClose, onConfirm }: {
  open: boolean; stop: RouteStop; details: StopDetails; onClose: () => void; onConfirm: (refused: RefusedItem[], total: number, photo: Photo | null) => void;
}) {
  const { t, i18n } = useTranslation("courier");
  const locale = intlLocale(i18n.language);
  // By line: one SKU may be listed on two lines, each with its own stepper.
  const [refused, setRefused] = useState(new Map<number, number>());
  const [photo, setPhoto] = useState<Photo | null>(null);
  useEffect(() => { if (open) { setRefused(new Map()); setPhoto(null); } }, [open]);
  const total = recalculatedTotal(details.items, refused);
  const picked = refusedBySku(details.items, refused);
  const set = (line: number, q: number) => setRefused((m) => new Map(m).set(line, q));
  return (
    <Dialog title={t("partly.title", { n: stop.sequence })} open={open} onClose={onClose}
      footer={<>
        <Button className={styles.big} onClick={onClose}>{t("cancel")}</Button>
        <Button className={styles.big} variant="primary" disabled={picked.length === 0} onClick={() => onConfirm(picked, total, photo)}>
          {t("partly.confirm", { amount: formatAmount(total, locale) })}
        </Button>
      </>}>
      <p>{t("partly.lead")}</p>
      <ul className={styles.rows}>
        {details.items.map((i, line) => {
          const q = refused.get(line) ?? 0;
          const name = { name: i.sku, line: line + 1 };
          return (
            <li key={line} className={styles.row}>
              <span><strong>{i.sku}</strong><br /><span>{t("partly.ordered", { qty: i.quantity })} · {formatAmount(i.unitPrice, locale)}</span></span>
              <span className={styles.stepper} role="group" aria-label={t("partly.refused", name)}>
                <Button className={styles.step} aria-label={t("partly.less", name)} disabled={q === 0} onClick={() => set(line, q - 1)}>−</Button>
                <output className={styles.count} aria-live="polite">{q}</output>
                <Button className={styles.step} aria-label={t("partly.more", name)} disabled={q >= i.quantity} onClick={() => set(line, q + 1)}>+</Button>
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
      <OptionalPhoto photo={photo} onPhoto={setPhoto} />
    </Dialog>
  );
}
