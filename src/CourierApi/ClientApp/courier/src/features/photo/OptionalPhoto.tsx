import { useTranslation } from "react-i18next";
import type { Photo } from "./photo";
import { PhotoPicker } from "./PhotoPicker";
import styles from "../stop-actions/Actions.module.css";

/** A dialog's optional proof photo: take one, see that it is attached, take it again or drop it. */
export function OptionalPhoto({ photo, onPhoto }: { photo: Photo | null; onPhoto: (photo: Photo | null) => void }) {
  const { t } = useTranslation("courier");
  return (
    <div className={styles.photoRow}>
      <PhotoPicker label={photo ? t("photo.retake") : t("photo.add")} onPhoto={onPhoto} />
      {photo && (
        <>
          <span role="status" data-testid="photo-attached">{t("photo.attached", { kb: Math.max(1, Math.round(photo.bytes.byteLength / 1024)) })}</span>
          <button type="button" className={styles.photoDrop} onClick={() => onPhoto(null)}>{t("photo.drop")}</button>
        </>
      )}
    </div>
  );
}
