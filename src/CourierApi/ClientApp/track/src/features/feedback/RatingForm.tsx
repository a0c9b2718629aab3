import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { describeProblem } from "../../../../shared/api/problem";
import { trackApi, type TrackingPage } from "../../api";
import styles from "../../Track.module.css";

/** After the delivery: 1–5 stars and a comment, once. Three or fewer reach a person (the callback queue). */
export function RatingForm({ page, token, onRated }: { page: TrackingPage; token: string; onRated: (page: TrackingPage) => void }) {
  const { t } = useTranslation("track");
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (page.rating != null) {
    return (
      <section className={`${styles.card} ${styles.okCard}`} aria-labelledby="rated" data-testid="rated">
        <h2 id="rated" className={styles.heading}>{t("rating.thanks", { rating: page.rating })}</h2>
        {page.rating <= 3 && <p>{t("rating.callback")}</p>}
      </section>
    );
  }
  if (!page.canRate) {
    return null;
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (stars < 1) {
      setError(t("rating.choose"));
      return;
    }
    setSending(true);
    setError(null);
    const { data, error: problem } = await trackApi.POST("/api/v1/tracking/{token}/rating", { params: { path: { token } }, body: { rating: stars, comment: comment || null } });
    setSending(false);
    if (data) {
      onRated({ ...page, rating: data.rating, canRate: false });
    } else {
      setError(t("rating.failed", { reason: describeProblem(problem, "—") }));
    }
  };
  return (
    <form className={styles.card} onSubmit={(e) => void submit(e)} aria-labelledby="rate">
      <fieldset className={styles.stars}>
        <legend id="rate" className={styles.heading}>{t("rating.title")}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= stars ? styles.starOn : styles.star}>
            <input type="radio" name="stars" value={n} checked={stars === n} onChange={() => setStars(n)} aria-label={t("rating.stars", { count: n })} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <label className={styles.field}>
        <span>{t("rating.comment")}</span>
        <textarea rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" className={styles.primary} disabled={sending}>{t(sending ? "rating.sending" : "rating.send")}</button>
      {error && <p className={styles.error} role="alert">{error}</p>}
    </form>
  );
}
