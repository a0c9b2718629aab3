import { useTranslation } from "react-i18next";
import type { RouteChange } from "./routeChanges";
import styles from "../../Courier.module.css";

/** What the dispatcher's re-publish changed, until the courier taps OK. */
export function ChangeBanner({ change, onClose }: { change: RouteChange; onClose: () => void }) {
  const { t } = useTranslation("courier");
  const list = (names: string[]) => names.join(", ");
  return (
    <section className={styles.info} role="alert" aria-labelledby="change-title">
      <div className={styles.bannerRow}>
        <strong id="change-title">{t("change.title", { version: change.version })}</strong>
        <button type="button" className={styles.topButton} onClick={onClose}>{t("change.ok")}</button>
      </div>
      <ul className={styles.bannerList}>
        {change.added.length > 0 && <li>{t("change.added", { count: change.added.length, names: list(change.added) })}</li>}
        {change.removed.length > 0 && <li>{t("change.removed", { count: change.removed.length, names: list(change.removed) })}</li>}
        {change.cancelled.length > 0 && <li>{t("change.cancelled", { names: list(change.cancelled) })}</li>}
        {change.windows.length > 0 && <li>{t("change.windows", { names: list(change.windows) })}</li>}
        {change.reordered && <li>{t("change.reordered")}</li>}
      </ul>
    </section>
  );
}
