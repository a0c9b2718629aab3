import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatTime, formatWindow, localMinutes } from "../../../../shared/i18n/format";
import { LockIcon } from "../../../../shared/ui/LockIcon";
import { routeColour } from "../../../../shared/ui/palette";
import { useBoard } from "../../context";
import { legDrivingMinutes } from "./legs";
import type { Plan } from "./usePlan";
import styles from "./Timeline.module.css";
import { stopViolations } from "../../ui/issues";

type Shift = Schemas["ShiftResponse"];
export const timelineDragType = "application/x-delivery-order";
const pxPerHour = 150;

type Props = {
  plan: Plan; colours: Map<number, number>; shifts: Shift[]; selected: number | null;
  /** A stop dropped on a row at a time: move it there (position = first stop that starts later). */
  onDrop?: (orderId: number, label: string, courierId: number, position: number | null, courierName: string) => void;
  onSelect?: (courierId: number | null) => void;
};

/** One row per route: driving, idle, waiting, service (numbered, draggable), the break window; the selected row shows each stop's window. */
export function Timeline({ plan, colours, shifts, selected, onDrop, onSelect }: Props) {
  const { t } = useTranslation("board");
  const { zone, locale, depot } = useBoard();
  const [over, setOver] = useState<number | null>(null);
  const routes = plan.routes.filter((r) => r.stops.length > 0);
  if (routes.length === 0) return null;
  const m = (iso: string) => localMinutes(iso, zone);
  const from = Math.floor(Math.min(...routes.map((r) => m(r.startAt))) / 60) * 60;
  const to = Math.ceil(Math.max(...routes.map((r) => m(r.endAt)), ...routes.flatMap((r) => r.stops.filter((s) => s.windowEnd).map((s) => m(s.windowEnd!)))) / 60) * 60;
  const at = (minutes: number) => `${((minutes - from) / (to - from)) * 100}%`;
  const span = (a: number, b: number) => `${(Math.max(0, b - a) / (to - from)) * 100}%`;
  const hours = Array.from({ length: (to - from) / 60 + 1 }, (_, i) => from + i * 60);
  const shiftOf = new Map(shifts.map((s) => [s.courierId, s]));
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:00`;

  return (
    <section className={styles.wrap} aria-labelledby="timeline-title">
      <div className={styles.head}>
        <h3 id="timeline-title">{t("timeline.title")}</h3>
        <div className={styles.legend}>
          <span className={styles.key}><span className={styles.sw} style={{ background: "#2f6fdf", opacity: 0.6, height: 4 }} />{t("timeline.driving")}</span>
          <span className={styles.key}><span className={styles.sw} style={{ background: "repeating-linear-gradient(90deg,#8a91a0 0 2px,transparent 2px 4px)" }} />{t("timeline.waiting")}</span>
          <span className={styles.key}><span className={styles.sw} style={{ background: "#2f6fdf" }} />{t("timeline.service")}</span>
          <span className={styles.key}><span className={styles.sw} style={{ background: "#2f6fdf", opacity: 0.3, height: 6 }} />{t("timeline.window")}</span>
          <span className={styles.key}><span className={styles.sw} style={{ background: "repeating-linear-gradient(45deg,#c4c9d4 0 3px,transparent 3px 6px)" }} />{t("timeline.break")}</span>
        </div>
      </div>
      <div className={styles.body}>
        <div className={styles.grid} style={{ ["--timeline-width" as string]: `${((to - from) / 60) * pxPerHour + 152}px` }}>
          <div className={[styles.row, styles.axisRow].join(" ")} aria-hidden="true">
            <span className={styles.name} />
            <div className={styles.track}>{hours.map((h) => <span key={h} className={styles.tick} style={{ left: at(h) }}>{hhmm(h)}</span>)}</div>
          </div>
          {routes.map((r) => {
            const colour = routeColour(colours.get(r.courierId) ?? 0);
            const shift = shiftOf.get(r.courierId);
            const legs = legDrivingMinutes(r, [depot.longitude, depot.latitude]);
            const open = selected === r.courierId;
            let prev = m(r.startAt);
            const end = m(r.endAt);
            const back = Math.min(end - prev, legs[legs.length - 1] ?? 0);
            return (
              <div key={r.routeId} className={styles.row} data-drop={over === r.routeId ? "true" : undefined} aria-current={open ? "true" : undefined} data-testid={`timeline-${r.routeId}`}
                onDragOver={(e) => { if (onDrop && !r.locked && e.dataTransfer.types.includes(timelineDragType)) { e.preventDefault(); setOver(r.routeId); } }}
                onDragLeave={() => setOver(null)}
                onDrop={(e) => {
                  e.preventDefault(); setOver(null);
                  const data = JSON.parse(e.dataTransfer.getData(timelineDragType) || "null") as { orderId: number; label: string } | null;
                  const box = (e.currentTarget.querySelector("[data-track]") as HTMLElement).getBoundingClientRect();
                  const when = from + ((e.clientX - box.left) / box.width) * (to - from);
                  const next = r.stops.find((s) => m(s.plannedServiceStart) > when && s.orderId !== data?.orderId);
                  if (data && onDrop) onDrop(data.orderId, data.label, r.courierId, next ? next.sequence : null, r.courierName);
                }}>
                <button type="button" className={styles.name} aria-pressed={open} onClick={() => onSelect?.(open ? null : r.courierId)}>
                  <span className={styles.sw} style={{ background: colour, width: 10, height: 10 }} aria-hidden="true" />{r.courierName}{r.locked && <><LockIcon /><span className="visually-hidden"> {t("plan.locked")}</span></>}
                </button>
                <div className={styles.track} data-track>
                  {hours.map((h) => <span key={h} className={styles.hour} style={{ left: at(h) }} aria-hidden="true" />)}
                  {shift?.breakEarliest && shift.breakLatest && (
                    <span className={styles.break} style={{ left: at(m(shift.breakEarliest)), width: span(m(shift.breakEarliest), m(shift.breakLatest)) }}
                      title={`${t("timeline.break")} ${formatWindow(shift.breakEarliest, shift.breakLatest, locale, zone)}`} aria-hidden="true" />
                  )}
                  {r.stops.map((s, i) => {
                    const [arr, start, dep] = [m(s.plannedArrival), m(s.plannedServiceStart), m(s.plannedDeparture)];
                    const drive = Math.min(arr - prev, legs[i] ?? 0);
                    const windowText = formatWindow(s.windowStart, s.windowEnd, locale, zone);
                    const problem = stopViolations(t, s, { locale, zone });
                    const node = (
                      <span key={s.orderId}>
                        {open && s.windowStart && s.windowEnd && <span className={styles.window} style={{ left: at(m(s.windowStart)), width: span(m(s.windowStart), m(s.windowEnd)), background: colour }} aria-hidden="true" />}
                        {arr - drive > prev && <span className={styles.idle} style={{ left: at(prev), width: span(prev, arr - drive) }} aria-hidden="true" />}
                        <span className={styles.drive} style={{ left: at(arr - drive), width: span(arr - drive, arr), background: colour }} aria-hidden="true" />
                        {start > arr && <span className={styles.wait} style={{ left: at(arr), width: span(arr, start) }} aria-hidden="true" />}
                        <span className={styles.service} role="img" draggable={!!onDrop && !r.locked} data-violation={problem ? "true" : undefined}
                          style={{ left: at(start), width: span(start, dep), background: colour }}
                          aria-label={t("timeline.stopTitle", { n: s.sequence, name: `${s.shopOrderId} ${s.customerName}`, arrival: formatTime(s.plannedArrival, locale, zone), window: windowText }) + (problem ? ` — ${problem}` : "")}
                          title={`${s.sequence}. ${s.shopOrderId} ${s.customerName} · ${formatTime(s.plannedArrival, locale, zone)} · ${windowText}${problem ? " — " + problem : ""}`}
                          onDragStart={(e) => e.dataTransfer.setData(timelineDragType, JSON.stringify({ orderId: s.orderId, label: `${s.shopOrderId} (${s.customerName})` }))}>
                          {dep - start >= 4 ? s.sequence : ""}
                        </span>
                      </span>
                    );
                    prev = dep;
                    return node;
                  })}
                  {back > 0 && <span className={styles.drive} style={{ left: at(prev), width: span(prev, prev + back), background: colour }} aria-hidden="true" />}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
