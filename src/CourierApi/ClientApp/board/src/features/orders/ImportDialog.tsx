import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import panel from "../../ui/Panel.module.css";
import { DropZone } from "./DropZone";
import styles from "./ImportDialog.module.css";

type Report = Schemas["ImportReport"];

/** CSV import: pick or drop the shop's file, see every bad row (line, field, reason), import the good ones. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setFile(null);
    setReport(null);
    setError(null);
    onClose();
  }

  async function run() {
    if (!file) return;
    setBusy(true);
    setError(null);
    const { data, error: problem, response } = await api.POST("/api/v1/depots/{depotId}/orders/import", {
      params: { path: { depotId: board.depot.id }, query: { date: board.date } },
      body: file as unknown as string,
      bodySerializer: (b: unknown) => b as Blob,
      headers: { "Content-Type": "text/csv" },
    });
    setBusy(false);
    if (!response.ok || !data) {
      setError(describeProblem(problem, t("import.failed")));
      return;
    }
    setReport(data);
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/orders"] });
  }

  return (
    <Dialog title={t("import.title")} open={open} onClose={close} wide
      footer={report ? <Button variant="primary" onClick={close}>{t("done")}</Button> : (
        <><Button onClick={close}>{t("cancel")}</Button><Button variant="primary" disabled={!file || busy} onClick={() => void run()}>{t("import.run")}</Button></>
      )}>
      {!report && <DropZone file={file} onFile={(f) => { setFile(f); setReport(null); }} />}
      {error && <p className={panel.error} role="alert">{error}</p>}
      {report && <ImportResult report={report} />}
    </Dialog>
  );
}

export function ImportResult({ report, preview }: { report: Report; preview?: boolean }) {
  const { t } = useTranslation("board");
  return (
    <div role="status">
      <div className={styles.summary}>
        <div><strong>{report.rows}</strong>{t("import.rows")}</div>
        <div><strong>{report.created}</strong>{preview ? t("import.willCreate") : t("import.created")}</div>
        <div><strong>{report.alreadyImported}</strong>{t("import.already")}</div>
        <div><strong>{report.rejected.length}</strong>{t("import.rejected")}</div>
      </div>
      {report.rejected.length > 0 && (
        <div className={styles.bad}>
          <table className={panel.table}>
            <caption className="visually-hidden">{t("import.badRows")}</caption>
            <thead><tr><th>{t("import.line")}</th><th>{t("import.field")}</th><th>{t("import.reason")}</th></tr></thead>
            <tbody>
              {report.rejected.map((r, i) => (
                <tr key={i}><td className={panel.num}>{r.line}</td><td className={panel.mono}>{r.field}</td><td>{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
