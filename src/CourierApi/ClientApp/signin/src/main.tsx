import { StrictMode, useState, type FormEvent } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import "../../shared/ui/tokens.css";
import { initI18n } from "../../shared/i18n/i18n";
import { api } from "../../shared/api/client";
import { Button } from "../../shared/ui/Button";
import { LanguageSwitch } from "../../shared/ui/LanguageSwitch";
import styles from "./SignIn.module.css";

initI18n();

/** Only same-site paths: a sign-in link must not send the user elsewhere. */
function returnTo(): string {
  const target = new URLSearchParams(location.search).get("returnTo") ?? "/board";
  return target.startsWith("/") && !target.startsWith("//") ? target : "/board";
}

function SignIn() {
  const { t } = useTranslation();
  const [userName, setUserName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const { response } = await api.POST("/api/v1/auth/sign-in", { params: { query: { useCookies: true } }, body: { userName, password } });
    setBusy(false);
    if (response.ok) {
      location.assign(returnTo());
    } else {
      setError(response.status === 429 ? t("signIn.tooMany") : t("signIn.failed"));
    }
  }

  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <div className={styles.brand}><span className={styles.logo} aria-hidden="true">▸</span>Delivery</div>
        <h1 id="signin-title" className="visually-hidden">{t("signIn.title")}</h1>
        <p className={styles.lead}>{t("signIn.lead")}</p>
        {error && <div className={styles.error} role="alert">{error}</div>}
        <div className={styles.field}>
          <label htmlFor="user">{t("signIn.userName")}</label>
          <input id="user" autoComplete="username" required value={userName} onChange={(e) => setUserName(e.target.value)} />
        </div>
        <div className={styles.field}>
          <label htmlFor="password">{t("signIn.password")}</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <Button type="submit" variant="primary" className={styles.submit} disabled={busy}>{busy ? t("signIn.signingIn") : t("signIn.submit")}</Button>
        <div className={styles.foot}><LanguageSwitch tone="light" /></div>
      </form>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<StrictMode><SignIn /></StrictMode>);
