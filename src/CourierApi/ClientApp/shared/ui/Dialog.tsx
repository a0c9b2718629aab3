import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";
import styles from "./Dialog.module.css";

/** A modal on the native <dialog>: focus is trapped, Escape closes, the title labels it. */
export function Dialog({ title, open, onClose, children, footer, wide }:
  { title: string; open: boolean; onClose: () => void; children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={[styles.dialog, wide && styles.wide].filter(Boolean).join(" ")} aria-labelledby={titleId}
      onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      {open && (
        <>
          <div className={styles.head}>
            <h2 id={titleId}>{title}</h2>
            <Button variant="ghost" small onClick={onClose} aria-label={t("close")}>✕</Button>
          </div>
          <div className={styles.body} tabIndex={0}>{children}</div>
          {footer && <div className={styles.foot}>{footer}</div>}
        </>
      )}
    </dialog>
  );
}
