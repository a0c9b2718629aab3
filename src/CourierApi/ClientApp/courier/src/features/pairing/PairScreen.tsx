import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../../../shared/ui/LanguageSwitch";
import { Button } from "../../../../shared/ui/Button";
import { setDeviceToken, signedOutReason } from "../../session";
import { pairWithCode } from "./pair";
import styles from "../../Courier.module.css";

/** First screen of a new tablet: a short pairing code from the dispatcher (or, meanwhile, the device token itself). */
export function PairScreen() {
  const { t } = useTranslation("courier");
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get("code") ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = signedOutReason();
  const auto = useRef(false);

  // Scanning the dispatcher's QR code opens /courier/pair?code=…: pair at once.
  useEffect(() => {
    if (auto.current || !code) return;
    auto.current = true;
    void pair(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    void pair(code);
  }

  async function pair(input: string) {
    const value = input.trim();
    if (!value) return;
    setError(null);
    if (value.startsWith("dev_")) {
      setDeviceToken(value);
      return;
    }
    setBusy(true);
    const result = await pairWithCode(value);
    setBusy(false);
    if (result.token) {
      history.replaceState(null, "", "/courier/");
      setDeviceToken(result.token);
    }
    else setError(result.offline ? t("pair.offline") : t("pair.failed", { reason: result.reason }));
  }

  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <span className={styles.brand}>{t("brand")}</span>
        <LanguageSwitch />
      </header>
      <div />
      <main className={styles.centre}>
        <h1>{t("pair.title")}</h1>
        {reason && <p className={styles.error} role="alert">{reason === "revoked" ? t("pair.revoked") : t("pair.unpaired")}</p>}
        <p className={styles.lead}>{t("pair.lead")}</p>
        <form onSubmit={submit}>
          <label className={styles.field}>
            {t("pair.code")}
            <input className={styles.input} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
          </label>
          {error && <p className={styles.error} role="alert">{error}</p>}
          <Button type="submit" variant="primary" className={styles.big} disabled={busy}>{busy ? t("pair.pairing") : t("pair.submit")}</Button>
        </form>
      </main>
    </div>
  );
}
