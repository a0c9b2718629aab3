import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import type { RouteStop } from "../route/useCourierRoute";
import type { Photo } from "../photo/photo";
import { OptionalPhoto } from "../photo/OptionalPhoto";
import styles from "./Actions.module.css";

const reasons = ["no_one_home", "refused", "wrong_address", "no_access", "damaged", "other"] as const;

/** A failed delivery: one reason from the list (sent as its code) and a note ("other" needs one). */
export function FailDialog({ open, stop, onClose, onConfirm }: { open: boolean; stop: RouteStop; onClose: () => void; onConfirm: (reason: string, note: string | null, photo: Photo | null) => void }) {
  const { t } = useTranslation("courier");
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [photo, setPhoto] = useState<Photo | null>(null);
  useEffect(() => { if (open) { setReason(null); setNote(""); setPhoto(null); } }, [open]);
  const needsNote = reason === "other" && note.trim() === "";
  return (
    <Dialog title={t("failed.title", { n: stop.sequence })} open={open} onClose={onClose}
      footer={<>
        <Button className={styles.big} onClick={onClose}>{t("cancel")}</Button>
        <Button className={styles.big} variant="danger" disabled={!reason || needsNote} onClick={() => reason && onConfirm(reason, note.trim() || null, photo)}>{t("failed.confirm")}</Button>
      </>}>
      <fieldset className={styles.reasons}>
        <legend>{t("failed.reason")}</legend>
        {reasons.map((r) => (
          <label key={r} className={styles.reason}>
            <input type="radio" name="fail-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
            {t(`failed.reasons.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className={styles.label}>
        {t("failed.note")}
        <textarea className={styles.textarea} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      {needsNote && <p className={styles.error}>{t("failed.noteRequired")}</p>}
      <OptionalPhoto photo={photo} onPhoto={setPhoto} />
    </Dialog>
  );
}
