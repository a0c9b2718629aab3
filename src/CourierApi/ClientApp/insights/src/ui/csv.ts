import Papa from "papaparse";

/**
 * A table as CSV for spreadsheet users: UTF-8 with a byte-order mark, and text cells that begin with =, +, - or @
 * prefixed with ' so a spreadsheet never runs them as formulas (papaparse's escapeFormulae; numbers stay numbers).
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return "\uFEFF" + Papa.unparse({ fields: header, data: rows }, { escapeFormulae: /^[=+\-@\t\r]/, newline: "\r\n" });
}

/** Saves <paramref name="content"/> as a download named <paramref name="fileName"/>. */
export function download(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(fileName: string, header: string[], rows: (string | number | null)[][]): void {
  download(fileName, new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }));
}
