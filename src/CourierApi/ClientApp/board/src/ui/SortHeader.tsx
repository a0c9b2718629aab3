import styles from "./Panel.module.css";

export type Sort<K extends string> = { key: K; dir: 1 | -1 };

/** A column header that sorts; aria-sort says which way. */
export function SortHeader<K extends string>({ label, column, sort, onSort, numeric }:
  { label: string; column: K; sort: Sort<K>; onSort: (s: Sort<K>) => void; numeric?: boolean }) {
  const active = sort.key === column;
  return (
    <th aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"} className={numeric ? styles.num : undefined}>
      <button type="button" className={styles.sort} onClick={() => onSort({ key: column, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}>
        {label}<span aria-hidden="true">{active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );
}
