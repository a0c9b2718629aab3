import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { describeProblem } from "../../../../shared/api/problem";
import { trackApi, type TrackingPage } from "../../api";
import { useDepotFormat } from "../../format";
import styles from "../../Track.module.css";

type Kind = "move_window" | "neighbour" | "safe_place" | "another_day";

/**
 * Told before the window is missed: the new estimate and real options. Each choice is sent once, stored on the order
 * (the courier's notes, the dispatcher's list) and the notice then says what was chosen.
 */
export function RiskNotice({ page, token, onChanged }: { page: TrackingPage; token: string; onChanged: (page: TrackingPage) => void }) {
  const { t } = useTranslation("track");
  const f = useDepotFormat(page.timeZone);
  const [kind, setKind] = useState<Kind | null>(null);
  const [note, setNote] = useState("");
  const [day, setDay] = useState(page.options.anotherDayFrom ?? "");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (page.choice) {
    const c = page.choice;
    return (
      <section className={`${styles.card} ${styles.okCard}`} aria-labelledby="choice" data-testid="choice">
        <h2 id="choice" className={styles.heading}>
          {t(`risk.done.${c.kind as Kind}`, { window: f.window(c.windowStartUtc, c.windowEndUtc), note: c.note ?? "", date: c.date ? f.date(c.date) : "" })}
        </h2>
      </section>
    );
  }
  if (!page.atRisk) {
    return null;
  }

  const send = async (choice: { kind: Kind; windowStartUtc?: string; date?: string; note?: string }) => {
    setSending(true);
    setError(null);
    const body = { kind: choice.kind, windowStartUtc: choice.windowStartUtc ?? null, date: choice.date ?? null, note: choice.note ?? null };
    const { data, error: problem } = await trackApi.POST("/api/v1/tracking/{token}/choice", { params: { path: { token } }, body });
    setSending(false);
    if (data) {
      onChanged(data);
    } else {
      setError(t("risk.failed", { reason: describeProblem(problem, "—") }));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === "neighbour" || kind === "safe_place") void send({ kind, note });
    if (kind === "another_day") void send({ kind, date: day, note: note || undefined });
  };
  // The server says the range (one rule for the API, the first paint and this card).
  const range = page.etaFrom && page.etaTo ? ([new Date(page.etaFrom), new Date(page.etaTo)] as const) : null;
  const o = page.options;
  const choices: { kind: Kind; show: boolean }[] = [
    { kind: "move_window", show: true },
    { kind: "neighbour", show: o.neighbour },
    { kind: "safe_place", show: o.safePlace },
    { kind: "another_day", show: o.anotherDayFrom != null },
  ];
  const label = { move_window: "move", neighbour: "neighbour", safe_place: "safePlace", another_day: "anotherDay" } as const;

  return (
    <section className={`${styles.card} ${styles.riskCard}`} aria-labelledby="risk" data-testid="at-risk">
      <h2 id="risk" className={styles.heading}>{t("risk.title")}</h2>
      <p>{t("risk.body", { eta: range ? `${f.time(range[0])}–${f.time(range[1])}` : f.time(page.eta), window: f.window(page.windowStartUtc, page.windowEndUtc) })}</p>
      <div className={styles.choices} role="group" aria-label={t("risk.options")}>
        {choices.filter((c) => c.show).map((c) => (
          <button key={c.kind} type="button" className={styles.choice} aria-expanded={kind === c.kind} onClick={() => setKind(kind === c.kind ? null : c.kind)}>
            {t(`risk.${label[c.kind]}`)}
          </button>
        ))}
      </div>
      {kind === "move_window" && (
        o.windows.length > 0 ? (
          <div className={styles.sub}>
            <p>{t("risk.moveHint")}</p>
            <div className={styles.windows}>
              {o.windows.map((w) => (
                <button key={w.startUtc} type="button" className={styles.primary} disabled={sending} onClick={() => void send({ kind: "move_window", windowStartUtc: w.startUtc })}>
                  {f.window(w.startUtc, w.endUtc)}
                </button>
              ))}
            </div>
          </div>
        ) : <p className={styles.sub}>{t("risk.noWindows")}</p>
      )}
      {(kind === "neighbour" || kind === "safe_place" || kind === "another_day") && (
        <form className={styles.sub} onSubmit={submit}>
          {kind === "another_day" && (
            <label className={styles.field}>
              <span>{t("risk.dayLabel")}</span>
              <input type="date" required min={o.anotherDayFrom ?? undefined} max={o.anotherDayTo ?? undefined} value={day} onChange={(e) => setDay(e.target.value)} />
            </label>
          )}
          {kind !== "another_day" && (
            <label className={styles.field}>
              <span>{t(kind === "neighbour" ? "risk.neighbourLabel" : "risk.safePlaceLabel")}</span>
              <textarea required maxLength={300} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
          )}
          <button type="submit" className={styles.primary} disabled={sending}>{t(sending ? "risk.sending" : "risk.send")}</button>
        </form>
      )}
      {error && <p className={styles.error} role="alert">{error}</p>}
      <p className={styles.hint}>{t("risk.keep")}</p>
    </section>
  );
}
