import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Photo } from "./photo";
import { PhotoPicker } from "./PhotoPicker";
import styles from "../stop-actions/Actions.module.css";

/** A dialog's optional proof photo: take one, see it (a thumbnail) and that it is attached, take it again or drop it. */
export function OptionalPhoto({ photo, onPhoto }: { photo: Photo | null; onPhoto: (photo: Photo | null) => void }) {
  const { t } = useTranslation("courier");
  const thumbnail = usePhotoUrl(photo);
  return (
    <div className={styles.photoRow}>
      <PhotoPicker label={photo ? t("photo.retake") : t("photo.add")} onPhoto={onPhoto} />
      {photo && (
        <>
          {thumbnail && <img className={styles.photoThumb} src={thumbnail} alt={t("photo.thumbnail")} data-testid="photo-thumbnail" />}
          <span role="status" data-testid="photo-attached">{t("photo.attached", { kb: Math.max(1, Math.round(photo.bytes.byteLength / 1024)) })}</span>
          <button type="button" className={styles.photoDrop} onClick={() => onPhoto(null)}>{t("photo.drop")}</button>
        </>
      )}
    </div>
  );
}

/** An object URL of the photo for as long as it is shown (revoked when it changes or the dialog closes). */
function usePhotoUrl(photo: Photo | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) { setUrl(null); return; }
    const u = URL.createObjectURL(new Blob([photo.bytes], { type: photo.contentType }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [photo]);
  return url;
}
