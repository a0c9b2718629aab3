import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import panel from "../../ui/Panel.module.css";
import { BadRows } from "./ImportDialog";
import styles from "./ImportDialog.module.css";

type Preview = Schemas["ImportPreview"];

/** What the import would do: file facts, the column mapping (editable), counts, every bad row. Nothing is written yet. */
export function ImportPreviewView({ preview, mapping, onMapping, fileName }:
  { preview: Preview; mapping: Record<string, string>; onMapping: (m: Record<string, string>) => void; fileName: string }) {
  const { t } = useTranslation("board");
  const missing = new Set(preview.missingRequired);
  return (
    <div>
      <p className={panel.muted}>{fileName} · {preview.encoding} · {t("import.separator")} “{preview.separator}” · {t(`import.source.${preview.mappingSource}` as "import.source.Guessed", { defaultValue: preview.mappingSource })}</p>
      <div className={styles.summary} role="status">
        <div><strong>{preview.rows}</strong>{t("import.rows")}</div>
        <div><strong>{preview.good - preview.alreadyImported}</strong>{t("import.willCreate")}</div>
        <div><strong>{preview.alreadyImported}</strong>{t("import.already")}</div>
        <div><strong>{preview.rejected.length}</strong>{t("import.rejected")}</div>
      </div>
      <p className={panel.muted}>{t("import.nothingWritten")}</p>
      {preview.rejected.length > 0 && <BadRows rows={preview.rejected} />}
      <details open={missing.size > 0} style={{ marginTop: 12 }}>
        <summary><strong>{t("import.mapping")}</strong> — {t("import.mappingHint")}</summary>
        <div className={styles.mapping}>
          {preview.knownColumns.map((c) => (
            <label key={c} style={missing.has(c) ? { color: "var(--c-danger)" } : undefined}>
              {c}{missing.has(c) ? " *" : ""}
              <select className={panel.selectInput} value={mapping[c] ?? ""} onChange={(e) => {
                const next = { ...mapping };
                if (e.target.value) next[c] = e.target.value; else delete next[c];
                onMapping(next);
              }}>
                <option value="">{t("import.notMapped")}</option>
                {preview.columns.map((h) => <option key={h} value={h}>{h}</option>)}
              </select>
            </label>
          ))}
        </div>
      </details>
    </div>
  );
}
