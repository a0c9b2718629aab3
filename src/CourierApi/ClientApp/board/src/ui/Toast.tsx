import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import styles from "./Toast.module.css";

type Toast = { id: number; text: string; error?: boolean; action?: { label: string; run: () => void } };
type Show = (t: Omit<Toast, "id">) => void;
const ToastContext = createContext<Show>(() => {});
export const useToast = () => useContext(ToastContext);

let next = 1;

/** Short messages after an action ("Moved … · Undo"), read out by screen readers (role=status). */
export function ToastHost({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback<Show>((t) => {
    const id = next++;
    setToasts((all) => [...all.slice(-2), { ...t, id }]);
    setTimeout(() => setToasts((all) => all.filter((x) => x.id !== id)), t.error ? 9000 : 6000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className={styles.toasts} role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={[styles.toast, t.error ? styles.error : ""].join(" ")}>
            <span>{t.text}</span>
            {t.action && <button type="button" className={styles.action} onClick={() => { t.action!.run(); setToasts((all) => all.filter((x) => x.id !== t.id)); }}>{t.action.label}</button>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
