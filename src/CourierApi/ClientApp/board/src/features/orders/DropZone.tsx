import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "./ImportDialog.module.css";

/** Drop a file here, or pick one (the picker is a real, labelled file input). */
export function DropZone({ onFile, file }: { onFile: (f: File) => void; file: File | null }) {
  const { t } = useTranslation("board");
  const [dragging, setDragging] = useState(false);
  const id = useId();
  return (
    <div className={[styles.drop, dragging ? styles.dragging : ""].join(" ")} data-testid="csv-drop"
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => { e.preventDefault(); setDragging(false); const f = e.dataTransfer.files[0]; if (f) onFile(f); }}>
      <span className={styles.big}>{t("import.drop")}</span>
      <span>{t("import.formats")}</span>
      <label htmlFor={id}>{t("import.orPick")}</label>
      <input id={id} type="file" accept=".csv,.txt,text/csv" onChange={(e) => { const f = e.target.files?.[0]; if (f) onFile(f); }} />
      {file && <span className={styles.file}>{file.name} · {Math.ceil(file.size / 1024)} KB</span>}
    </div>
  );
}
