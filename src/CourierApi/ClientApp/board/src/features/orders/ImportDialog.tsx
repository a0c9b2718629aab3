import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import { rowReason } from "../../ui/issues";
import panel from "../../ui/Panel.module.css";
import { DropZone } from "./DropZone";
import { ImportPreviewView } from "./ImportPreviewView";
import styles from "./ImportDialog.module.css";

type Report = Schemas["ImportReport"];
type Preview = Schemas["ImportPreview"];

function form(file: File, shop: string, mapping: Record<string, string> | null): FormData {
  const data = new FormData();
  data.append("file", file);
  if (shop) data.append("shop", shop);
  if (mapping) data.append("mapping", JSON.stringify(mapping));
  return data;
}

/**
 * CSV import in two steps: the server reads the file and reports its columns, the mapping and every bad row (line,
 * field, reason) with nothing written; the dispatcher fixes the mapping if needed, then imports the good rows.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const [file, setFile] = useState<File | null>(null);
  const [shop, setShop] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setFile(null); setPreview(null); setMapping(null); setReport(null); setError(null);
    onClose();
  }

  async function check(f: File, m: Record<string, string> | null) {
    setBusy(true);
    setError(null);
    const { data, error: problem, response } = await api.POST("/api/v1/depots/{depotId}/orders/import/preview", {
      params: { path: { depotId: board.depot.id }, query: { date: board.date } },
      body: form(f, shop.trim(), m) as never, bodySerializer: (b: unknown) => b as FormData,
    });
    setBusy(false);
    if (!response.ok || !data) {
      setError(describeProblem(problem, t("import.failed")));
      return;
    }
    setPreview(data);
    setMapping({ ...data.mapping });
  }

  async function run() {
    if (!file) return;
    setBusy(true);
    const { data, error: problem, response } = await api.POST("/api/v1/depots/{depotId}/orders/import", {
      params: { path: { depotId: board.depot.id }, query: { date: board.date } },
      body: form(file, shop.trim(), mapping) as never, bodySerializer: (b: unknown) => b as FormData,
    });
    setBusy(false);
    if (!response.ok || !data) {
      setError(describeProblem(problem, t("import.failed")));
      return;
    }
    setReport(data);
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/orders"] });
  }

  const good = preview ? preview.good - preview.alreadyImported : 0;
  const footer = report ? <Button variant="primary" onClick={close}>{t("done")}</Button> : (
    <>
      <Button onClick={close}>{t("cancel")}</Button>
      {preview && <Button disabled={!file || busy} onClick={() => file && void check(file, mapping)}>{t("import.recheck")}</Button>}
      {preview
        ? <Button variant="primary" disabled={busy || preview.missingRequired.length > 0 || good === 0} onClick={() => void run()}>{t("import.runGood", { count: good })}</Button>
        : <Button variant="primary" disabled={!file || busy} onClick={() => file && void check(file, null)}>{t("import.check")}</Button>}
    </>
  );

  return (
    <Dialog title={t("import.title")} open={open} onClose={close} wide footer={footer}>
      {!preview && !report && (
        <>
          <DropZone file={file} onFile={(f) => { setFile(f); void check(f, null); }} />
          <div className={panel.formField} style={{ marginTop: 12, maxWidth: 320 }}>
            <label htmlFor="import-shop">{t("import.shop")}</label>
            <input id="import-shop" className={panel.input} value={shop} placeholder={t("import.shopHint")} onChange={(e) => setShop(e.target.value)} />
          </div>
        </>
      )}
      {error && <p className={panel.error} role="alert">{error}</p>}
      {preview && !report && mapping && <ImportPreviewView preview={preview} mapping={mapping} onMapping={setMapping} fileName={file?.name ?? ""} />}
      {report && <ImportResult report={report} />}
    </Dialog>
  );
}

export function ImportResult({ report }: { report: Report }) {
  const { t } = useTranslation("board");
  return (
    <div role="status">
      <div className={styles.summary}>
        <div><strong>{report.created}</strong>{t("import.created")}</div>
        <div><strong>{report.alreadyImported}</strong>{t("import.already")}</div>
        <div><strong>{report.rejected.length}</strong>{t("import.rejected")}</div>
        <div><strong>{report.rows}</strong>{t("import.rows")}</div>
      </div>
      {report.rejected.length > 0 && <BadRows rows={report.rejected} />}
    </div>
  );
}

export function BadRows({ rows }: { rows: Schemas["RowError"][] }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  return (
    <div className={styles.bad} tabIndex={0}>
      <table className={panel.table}>
        <caption className="visually-hidden">{t("import.badRows")}</caption>
        <thead><tr><th>{t("import.line")}</th><th>{t("import.field")}</th><th>{t("import.reason")}</th></tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i}><td className={panel.num}>{r.line}</td><td className={panel.mono}>{r.field}</td><td>{rowReason(t, r, board.locale)}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
