import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { $api } from "../../../../shared/api/client";
import { formatDateTime, formatNumber, formatPercent, formatUnit, formatWindow, localMinutes } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import { SortHeader, type Sort } from "../../ui/SortHeader";
import styles from "../../ui/Panel.module.css";
import { AddOrderDialog } from "./AddOrderDialog";
import { ImportDialog } from "./ImportDialog";
import { useCapacity, useOrders, windowSlot, type Order, type WindowSlot } from "./useOrders";

type Column = "shopOrderId" | "customerName" | "address" | "window" | "items" | "weight" | "status";

export function OrdersView() {
  const { t } = useTranslation("board");
  const board = useBoard();
  const orders = useOrders();
  const capacity = useCapacity();
  const plan = $api.useQuery("get", "/api/v1/depots/{depotId}/plans/{date}", { params: { path: { depotId: board.depot.id, date: board.date } } }, { retry: false });
  const cutOff = $api.useQuery("get", "/api/v1/depots/{depotId}/cut-off", { params: { path: { depotId: board.depot.id }, query: { date: board.date } } });
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toLowerCase());
  const [status, setStatus] = useState("");
  const [slot, setSlot] = useState<WindowSlot | "">("");
  const [skill, setSkill] = useState("");
  const [sort, setSort] = useState<Sort<Column>>({ key: "shopOrderId", dir: 1 });
  const [dialog, setDialog] = useState<"add" | "import" | null>(null);

  const all = useMemo(() => orders.data ?? [], [orders.data]);
  // Orders that came in after the plan was made wait for a re-plan; orders created after the cut-off are late.
  const planned = new Set(plan.data ? [...plan.data.routes.flatMap((r) => r.stops.map((s) => s.orderId)), ...plan.data.unassigned.map((u) => u.orderId)] : []);
  const isNew = (o: Order) => plan.isSuccess && !planned.has(o.id);
  const skills = [...new Set(all.flatMap((o) => o.requiredSkills))].sort();
  const statuses = [...new Set(all.map((o) => o.status))].sort();

  const rows = useMemo(() => {
    const key = (o: Order): string | number => {
      switch (sort.key) {
        case "window": return o.windows[0]?.start ?? "~";
        case "items": return o.demand.items;
        case "weight": return o.demand.weightGrams;
        default: return String(o[sort.key]).toLowerCase();
      }
    };
    return all
      .filter((o) => !query || [o.shopOrderId, o.customerName, o.address, o.customerPhone ?? ""].some((f) => f.toLowerCase().includes(query)))
      .filter((o) => !status || o.status === status)
      .filter((o) => !slot || windowSlot(o, (iso) => localMinutes(iso, board.zone)) === slot)
      .filter((o) => !skill || o.requiredSkills.includes(skill))
      .sort((a, b) => {
        const x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
      });
  }, [all, query, status, slot, skill, sort, board.zone]);

  const demandItems = all.reduce((s, o) => s + o.demand.items, 0);
  const demandKg = all.reduce((s, o) => s + o.demand.weightGrams, 0) / 1000;
  const late = all.filter((o) => o.late).length;
  const fresh = all.filter(isNew).length;
  const fill = capacity.items > 0 ? demandItems / capacity.items : 0;

  return (
    <div className={styles.page}>
      <section className={styles.cards} aria-label={t("orders.summary")}>
        <div className={styles.card}>
          <div className={styles.cardLabel}>{t("orders.count")}</div>
          <div className={styles.cardValue}>{formatNumber(all.length, board.locale)}</div>
          <div className={styles.cardSub}>{t("orders.couriersOnShift", { count: capacity.couriers })}</div>
        </div>
        <div className={styles.card}>
          <div className={styles.cardLabel}>{t("orders.demandVsCapacity")}</div>
          <div className={styles.cardValue}>{formatNumber(demandItems, board.locale)} <span className={styles.muted}>/ {formatNumber(capacity.items, board.locale)}</span></div>
          <div className={styles.cardSub}>{t("orders.itemsFill", { fill: formatPercent(fill, board.locale) })} · {formatNumber(demandKg, board.locale)} / {formatUnit(capacity.weightGrams / 1000, "kilogram", board.locale, 0)}</div>
          <div className={[styles.meter, fill > 1 ? styles.over : ""].join(" ")} aria-hidden="true"><span style={{ width: `${Math.min(100, fill * 100)}%` }} /></div>
        </div>
        <div className={styles.card}>
          <div className={styles.cardLabel}>{t("orders.cutOff")}</div>
          <div className={styles.cardValue}>{cutOff.data ? formatDateTime(cutOff.data.closesAt, board.locale, board.zone) : "—"}</div>
          <div className={styles.cardSub}>
            {cutOff.data && (cutOff.data.open
              ? <span className={[styles.badge, styles.badgeOk, styles.badgeWrap].join(" ")}>{t("orders.cutOffOpen")}</span>
              : <span className={[styles.badge, styles.badgeWarn, styles.badgeWrap].join(" ")}>{t("orders.cutOffClosed")}</span>)}
          </div>
        </div>
        <div className={styles.card}>
          <div className={styles.cardLabel}>{t("orders.late")}</div>
          <div className={styles.cardValue}>{formatNumber(late, board.locale)}</div>
          <div className={styles.cardSub}>{t("orders.lateExplain")}</div>
        </div>
        <div className={styles.card}>
          <div className={styles.cardLabel}>{t("orders.newSincePlan")}</div>
          <div className={styles.cardValue}>{formatNumber(fresh, board.locale)}</div>
          <div className={styles.cardSub}>{plan.isSuccess ? t("orders.lateHint") : t("orders.noPlanYet")}</div>
        </div>
      </section>

      <section className={styles.panel} aria-labelledby="orders-title">
        <div className={styles.toolbar}>
          <h2 id="orders-title">{t("orders.title")}</h2>
          <label><span className="visually-hidden">{t("orders.search")}</span>
            <input className={[styles.input, styles.search].join(" ")} type="search" placeholder={t("orders.searchPlaceholder")} value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <label><span className="visually-hidden">{t("orders.filterStatus")}</span>
            <select className={styles.selectInput} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t("orders.allStatuses")}</option>
              {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}` as "status.open", { defaultValue: s })}</option>)}
            </select>
          </label>
          <label><span className="visually-hidden">{t("orders.filterWindow")}</span>
            <select className={styles.selectInput} value={slot} onChange={(e) => setSlot(e.target.value as WindowSlot | "")}>
              <option value="">{t("orders.allWindows")}</option>
              {(["morning", "afternoon", "evening", "none"] as const).map((s) => <option key={s} value={s}>{t(`slot.${s}`)}</option>)}
            </select>
          </label>
          <label><span className="visually-hidden">{t("orders.filterSkill")}</span>
            <select className={styles.selectInput} value={skill} onChange={(e) => setSkill(e.target.value)}>
              <option value="">{t("orders.allSkills")}</option>
              {skills.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          {board.editable && <Button onClick={() => setDialog("add")}>{t("orders.add")}</Button>}
          {board.editable && <Button variant="primary" onClick={() => setDialog("import")}>{t("orders.import")}</Button>}
        </div>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t("orders.caption", { count: rows.length })}</caption>
            <thead>
              <tr>
                <SortHeader label={t("orders.col.order")} column="shopOrderId" sort={sort} onSort={setSort} />
                <SortHeader label={t("orders.col.customer")} column="customerName" sort={sort} onSort={setSort} />
                <SortHeader label={t("orders.col.address")} column="address" sort={sort} onSort={setSort} />
                <SortHeader label={t("orders.col.window")} column="window" sort={sort} onSort={setSort} />
                <SortHeader label={t("orders.col.items")} column="items" sort={sort} onSort={setSort} numeric />
                <SortHeader label={t("orders.col.weight")} column="weight" sort={sort} onSort={setSort} numeric />
                <th>{t("orders.col.skills")}</th>
                <SortHeader label={t("orders.col.status")} column="status" sort={sort} onSort={setSort} />
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td className={styles.mono}>{o.shopOrderId}</td>
                  <td>{o.customerName}</td>
                  <td>{o.address}</td>
                  <td className={styles.mono}>{o.windows.map((w) => formatWindow(w.start, w.end, board.locale, board.zone)).join(", ") || <span className={styles.muted}>{t("orders.anyTime")}</span>}</td>
                  <td className={styles.num}>{formatNumber(o.demand.items, board.locale)}</td>
                  <td className={styles.num}>{formatNumber(o.demand.weightGrams / 1000, board.locale, 1)}</td>
                  <td><span className={styles.chips}>{o.requiredSkills.map((s) => <span key={s} className={styles.badge}>{s}</span>)}</span></td>
                  <td>
                    <span className={styles.chips}>
                      <span className={[styles.badge, o.status === "planned" ? styles.badgeOk : ""].join(" ")}>{t(`status.${o.status}` as "status.open", { defaultValue: o.status })}</span>
                      {o.late && <span className={[styles.badge, styles.badgeDanger].join(" ")} title={t("orders.lateExplain")}>{t("orders.lateBadge")}</span>}
                      {isNew(o) && <span className={[styles.badge, styles.badgeWarn].join(" ")} title={t("orders.lateHint")}>{t("orders.newBadge")}</span>}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {orders.isSuccess && rows.length === 0 && <p className={styles.empty}>{all.length === 0 ? t("orders.none") : t("orders.noMatch")}</p>}
          {orders.isPending && <p className={styles.empty} role="status">{t("loading")}</p>}
        </div>
        <div className={styles.foot}>{t("orders.shown", { shown: rows.length, count: all.length })}</div>
      </section>
      <AddOrderDialog open={dialog === "add"} onClose={() => setDialog(null)} />
      <ImportDialog open={dialog === "import"} onClose={() => setDialog(null)} />
    </div>
  );
}
