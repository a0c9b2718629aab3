import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent, formatTime, formatUnit } from "../../../../shared/i18n/format";
import { LockIcon } from "../../../../shared/ui/LockIcon";
import { routeColour } from "../../../../shared/ui/palette";
import { useBoard } from "../../context";
import panel from "../../ui/Panel.module.css";
import type { Plan, Route } from "./usePlan";
import styles from "./Review.module.css";
import type { ReactNode } from "react";

type Props = {
  plan: Plan;
  colours: Map<number, number>;
  selected: number | null;
  onSelect: (courierId: number | null) => void;
  renderStops?: (route: Route) => ReactNode;
  renderActions?: (route: Route) => ReactNode;
};

/** Routes with colour, courier, stops, km, driving hours, load and first/last times; the selected one opens its stops. */
export function RoutesPanel({ plan, colours, selected, onSelect, renderStops, renderActions }: Props) {
  const { t } = useTranslation("board");
  const { locale, zone } = useBoard();
  const used = plan.routes.filter((r) => r.stops.length > 0);
  return (
    <section className={panel.panel} aria-labelledby="routes-title">
      <div className={styles.sectionHead}><h3 id="routes-title">{t("plan.routes", { count: used.length })}</h3></div>
      <ul className={styles.routes}>
        {plan.routes.map((r) => {
          const colour = routeColour(colours.get(r.courierId) ?? 0);
          const load = r.capacityItems > 0 ? r.loadItems / r.capacityItems : 0;
          const weight = r.stops.at(-1)?.loadWeightGramsAfter ?? 0;
          const violations = r.stops.filter((s) => s.violation).length;
          const open = selected === r.courierId;
          return (
            <li key={r.routeId} className={styles.route} aria-current={open ? "true" : undefined} data-testid={`route-${r.routeId}`}>
              <button type="button" className={styles.routeHead} aria-expanded={open} onClick={() => onSelect(open ? null : r.courierId)}>
                <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />
                <span className={styles.routeName}>
                  {r.courierName}
                  <span className={panel.muted}>{r.vehicleCode}</span>
                  {r.locked && <span className={[panel.badge, panel.badgeInfo].join(" ")}><LockIcon /> {t("plan.locked")}</span>}
                  {violations > 0 && <span className={[panel.badge, panel.badgeDanger].join(" ")}>{t("plan.violations", { count: violations })}</span>}
                </span>
                <span className={panel.mono}>{r.stops.length > 0 ? `${formatTime(r.startAt, locale, zone)}–${formatTime(r.endAt, locale, zone)}` : ""}</span>
                <span className={styles.routeStats}>
                  <span>{t("plan.stops", { count: r.stops.length })}</span>
                  <span>{formatUnit(r.distanceKm, "kilometer", locale)}</span>
                  <span>{t("plan.drivingHours", { hours: formatNumber(r.travelHours, locale, 1) })}</span>
                  <span>{t("plan.loadItems", { pct: formatPercent(load, locale) })}</span>
                  <span>{formatUnit(weight / 1000, "kilogram", locale, 0)}</span>
                </span>
                <span className={styles.load} aria-hidden="true"><span style={{ width: `${Math.min(100, load * 100)}%`, background: colour }} /></span>
              </button>
              {open && renderActions?.(r)}
              {open && renderStops?.(r)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
