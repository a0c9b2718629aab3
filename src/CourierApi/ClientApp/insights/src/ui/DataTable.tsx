import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../shared/ui/Button";
import { downloadCsv } from "./csv";
import styles from "./DataTable.module.css";

export type Column<T> = {
  key: string;
  header: string;
  /** The cell as shown. */
  cell: (row: T) => ReactNode;
  /** The cell in the CSV (raw numbers, ISO times). */
  csv: (row: T) => string | number | null;
  numeric?: boolean;
};

/** A table with a caption and a CSV export of exactly its columns and rows. */
export function DataTable<T>({ caption, columns, rows, fileName, rowKey, onRow, rowLabel, empty, compact }: {
  caption: string; columns: Column<T>[]; rows: T[]; fileName: string; rowKey: (row: T) => string;
  onRow?: (row: T) => void; rowLabel?: (row: T) => string; empty?: string; compact?: boolean;
}) {
  const { t } = useTranslation("insights");
  const exportCsv = () => downloadCsv(fileName + ".csv", columns.map((c) => c.header), rows.map((r) => columns.map((c) => c.csv(r))));
  return (
    <div className={styles.wrap}>
      <div className={styles.bar}>
        <span className={styles.caption}>{caption}</span>
        <Button small variant="ghost" onClick={exportCsv} disabled={rows.length === 0} aria-label={t("exportCsv", { table: caption })}>CSV</Button>
      </div>
      <div className={styles.scroll} tabIndex={0} role="group" aria-label={caption}>
        <table className={compact ? `${styles.table} ${styles.compact}` : styles.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead><tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? styles.num : undefined}>{c.header}</th>)}</tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={columns.length} className={styles.empty}>{empty ?? t("noData")}</td></tr>}
            {rows.map((r) => (
              <tr key={rowKey(r)} className={onRow ? styles.clickable : undefined}>
                {columns.map((c, i) => (
                  <td key={c.key} className={c.numeric ? styles.num : undefined}>
                    {i === 0 && onRow
                      ? <button type="button" className={styles.link} onClick={() => onRow(r)} aria-label={rowLabel?.(r)}>{c.cell(r)}</button>
                      : c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
