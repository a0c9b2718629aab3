import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime, formatWindow } from "../../../../shared/i18n/format";
import { routeColour } from "../../../../shared/ui/palette";
import { useBoard } from "../../context";
import { SortHeader, type Sort } from "../../ui/SortHeader";
import panel from "../../ui/Panel.module.css";
import { isStale, minutesSince } from "./liveGeometry";
import type { LiveCourier, LiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

type Key = "behind" | "name" | "progress" | "contact";

/** A row per courier: progress, ahead/behind plan, next stop's ETA against its window, last contact; "most behind" first. */
export function CourierTable({ day, now, selected, onSelect }: { day: LiveDay; now: Date; selected: number | null; onSelect: (id: number | null) => void }) {
  const { t } = useTranslation("board");
  const [sort, setSort] = useState<Sort<Key>>({ key: "behind", dir: -1 });
  const rows = useMemo(() => {
    const value = (c: LiveCourier): number | string => {
      switch (sort.key) {
        case "name": return c.name;
        case "progress": return c.done / Math.max(1, c.done + c.remaining);
        case "contact": return c.lastContactAt ? -Date.parse(c.lastContactAt) : -Infinity;
        default: return c.behindMinutes ?? -Infinity;
      }
    };
    return [...day.couriers].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number)) * sort.dir;
    });
  }, [day.couriers, sort]);

  return (
    <div className={panel.tableWrapFull}>
      <table className={panel.table} aria-label={t("live.couriers")}>
        <thead>
          <tr>
            <SortHeader label={t("live.courier")} column="name" sort={sort} onSort={setSort} />
            <SortHeader label={t("live.progress")} column="progress" sort={sort} onSort={setSort} />
            <SortHeader label={t("live.behind")} column="behind" sort={sort} onSort={setSort} numeric />
            <th>{t("live.nextStop")}</th>
            <SortHeader label={t("live.lastContact")} column="contact" sort={sort} onSort={setSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => <Row key={c.courierId} c={c} day={day} now={now} selected={selected === c.courierId} onSelect={onSelect} />)}
        </tbody>
      </table>
    </div>
  );
}

function Row({ c, day, now, selected, onSelect }: { c: LiveCourier; day: LiveDay; now: Date; selected: boolean; onSelect: (id: number | null) => void }) {
  const { t } = useTranslation("board");
  const { locale, zone } = useBoard();
  const next = c.stops.find((s) => s.orderId === c.nextOrderId);
  const stale = isStale(c, now, day.silentAfterMinutes);
  const age = minutesSince(c.lastContactAt ?? c.position?.recordedAt, now);
  const behind = c.behindMinutes;
  const late = next?.lateMinutes != null && next.lateMinutes > 0;
  return (
    <tr className={selected ? styles.selectedRow : undefined} data-testid="live-courier" data-courier={c.name}
      data-lat={c.position?.lat} data-lon={c.position?.lon} data-stale={stale ? "true" : "false"}>
      <td>
        <button type="button" className={styles.courierButton} onClick={() => onSelect(selected ? null : c.courierId)} aria-pressed={selected}>
          <span className={styles.swatch} style={{ background: routeColour(c.colour) }} aria-hidden="true" />
          {c.name}
        </button>
      </td>
      <td className={panel.mono}>
        {t("live.doneOf", { done: c.done, total: c.done + c.remaining })}
        <span className={styles.progress} aria-hidden="true"><span style={{ width: `${(100 * c.done) / Math.max(1, c.done + c.remaining)}%`, background: routeColour(c.colour) }} /></span>
      </td>
      <td className={panel.num}>
        {behind == null ? <span className={panel.muted}>—</span>
          : behind > 2 ? <span className={[panel.badge, behind >= 15 ? panel.badgeDanger : panel.badgeWarn].join(" ")}>{t("live.behindBy", { count: behind })}</span>
          : behind < -2 ? <span className={[panel.badge, panel.badgeOk].join(" ")}>{t("live.aheadBy", { count: -behind })}</span>
          : <span className={[panel.badge, panel.badgeOk].join(" ")}>{t("live.onPlan")}</span>}
      </td>
      <td>
        {next ? (
          <span className={styles.nextStop}>
            <span>{next.sequence}. {next.customerName}</span>
            <span className={[styles.nums, late ? styles.lateText : ""].join(" ")}>
              {t("live.eta")} {next.eta ? formatTime(next.eta, locale, zone) : "—"} · {t("live.window")} {formatWindow(next.windowStartUtc, next.windowEndUtc, locale, zone)}
              {late && <> · {t("live.lateBy", { count: next.lateMinutes ?? 0 })}</>}
            </span>
          </span>
        ) : <span className={panel.muted}>{c.done + c.remaining === 0 ? t("live.noStops") : c.remaining === 0 ? t("live.finished") : "—"}</span>}
      </td>
      <td className={panel.mono}>
        {age == null ? <span className={panel.muted}>{t("live.notStarted")}</span>
          : stale ? <span className={[panel.badge, panel.badgeDanger].join(" ")}>{t("live.silentFor", { count: age })}</span>
          : <span>{t("live.minutesAgo", { count: age })}</span>}
      </td>
    </tr>
  );
}
