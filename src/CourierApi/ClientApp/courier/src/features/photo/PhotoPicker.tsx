import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { now } from "../../../../shared/time/clock";
import { downscale, type Photo } from "./photo";
import styles from "../stop-actions/Actions.module.css";

/** Opens the rear camera (a file picker on a desktop); the picture, downscaled, goes to `onPhoto`. */
export function PhotoPicker({ label, className, onPhoto }: { label: ReactNode; className?: string; onPhoto: (photo: Photo) => void }) {
  const { t } = useTranslation("courier");
  const [failed, setFailed] = useState(false);
  return (
    <>
      <label className={`${styles.photo} ${className ?? ""}`}>
        <input type="file" accept="image/*" capture="environment" className="visually-hidden"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) downscale(file, now()).then((p) => { setFailed(false); onPhoto(p); }, () => setFailed(true));
          }} />
        <CameraIcon /> {label}
      </label>
      {failed && <p className={styles.error} role="alert">{t("photo.unreadable")}</p>}
    </>
  );
}

function CameraIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
      <path d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3zm3 5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9m0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5" />
    </svg>
  );
}
