import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { signOut, type CurrentUser } from "../auth/session";
import { LanguageSwitch } from "./LanguageSwitch";
import styles from "./AppShell.module.css";

/** Top bar (brand, page controls, language, user, sign-out) over the page. */
export function AppShell({ user, children, controls, banner }: { user?: CurrentUser; children: ReactNode; controls?: ReactNode; banner?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <a className={styles.brand} href="/board"><span className={styles.logo} aria-hidden="true">▸</span>Delivery</a>
        <div className={styles.middle}>{controls}</div>
        <div className={styles.right}>
          <LanguageSwitch />
          {user && (
            <div className={styles.user}>
              <span className={styles.userName}>{user.displayName || user.userName}</span>
              <span className={styles.role}>{user.role === "dispatcher" ? t("role.dispatcher") : user.role === "analyst" ? t("role.analyst") : user.role}</span>
            </div>
          )}
          {user && <button type="button" className={styles.topButton} onClick={() => void signOut()}>{t("signOut")}</button>}
        </div>
      </header>
      <div className={styles.main}>
        {banner}
        {children}
      </div>
    </div>
  );
}

export function Banner({ children }: { children: ReactNode }) {
  return <div className={styles.banner} role="status">{children}</div>;
}
