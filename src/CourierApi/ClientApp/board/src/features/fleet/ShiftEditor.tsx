import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem, isProblem } from "../../../../shared/api/problem";
import { formatTime, parseClock } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import styles from "../../ui/Panel.module.css";

type Props = { courier: Schemas["CourierResponse"]; shift?: Schemas["ShiftResponse"]; vehicles: Schemas["VehicleResponse"][]; onDone: () => void };
type Field = "start" | "end" | "breakMinutes" | "breakFrom" | "breakTo";
type Errors = Partial<Record<Field, string>>;

// The server's field names (camelCase, break.* nested) → the editor's inputs.
const serverField: Record<string, Field> = { start: "start", end: "end", "break.durationminutes": "breakMinutes", "break.earliest": "breakFrom", "break.latest": "breakTo" };

/** The row of a courier turned into inputs: vehicle, start, end, break window and minutes; each bad field says why beside it. */
export function ShiftEditor({ courier, shift, vehicles, onDone }: Props) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const local = (iso: string | null | undefined, fallback: string) => (iso ? formatTime(iso, "en-GB", board.zone) : fallback);
  const [v, setV] = useState({
    vehicleId: String(shift?.vehicleId ?? vehicles[0]?.id ?? ""), start: local(shift?.startsAt, "08:00"), end: local(shift?.endsAt, "18:00"),
    breakFrom: local(shift?.breakEarliest, "12:00"), breakTo: local(shift?.breakLatest, "14:00"),
    breakMinutes: String(shift?.breakDurationSeconds ? Math.round(shift.breakDurationSeconds / 60) : 30),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const id = (k: string) => `shift-${courier.id}-${k}`;

  /** The same rules as the server's, in the page's words. */
  function check(): { errors: Errors; times: Record<"start" | "end" | "breakFrom" | "breakTo", string | null>; minutes: number } {
    const times = { start: parseClock(v.start), end: parseClock(v.end), breakFrom: parseClock(v.breakFrom), breakTo: parseClock(v.breakTo) };
    const minutes = Number(v.breakMinutes);
    const found: Errors = {};
    for (const k of ["start", "end", "breakFrom", "breakTo"] as const) if (!times[k]) found[k] = t("fleet.error.time");
    if (times.start && times.end && times.end <= times.start) found.end = t("fleet.error.endAfterStart");
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 240) found.breakMinutes = t("fleet.error.breakMinutes");
    if (minutes > 0 && times.breakFrom && times.breakTo && times.breakTo < times.breakFrom) found.breakTo = t("fleet.error.breakLatest");
    return { errors: found, times, minutes };
  }

  async function save() {
    const { errors: found, times, minutes } = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const { error: problem, response } = await api.PUT("/api/v1/couriers/{courierId}/shifts/{date}", {
      params: { path: { courierId: courier.id, date: board.date } },
      body: {
        vehicleId: Number(v.vehicleId), start: times.start + ":00", end: times.end + ":00", startDepotId: null, endDepotId: null,
        break: minutes > 0 ? { earliest: times.breakFrom + ":00", latest: times.breakTo + ":00", durationMinutes: minutes } : null,
      },
    });
    if (!response.ok) {
      const byField: Errors = {};
      if (isProblem(problem)) {
        for (const [k, reasons] of Object.entries(problem.errors ?? {})) {
          const f = serverField[k.toLowerCase()];
          if (f) byField[f] = reasons.join(", ");
        }
      }
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? t("fleet.saveFailed") : describeProblem(problem, t("fleet.saveFailed")));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/shifts"] });
    onDone();
  }

  const input = (k: Field, label: string, width = 64) => (
    <span className={styles.fieldCell}>
      <label htmlFor={id(k)} className="visually-hidden">{label}</label>
      <input id={id(k)} className={styles.input} type="text" inputMode="numeric" style={{ width }} value={v[k]} onChange={set(k)}
        aria-invalid={errors[k] ? true : undefined} aria-describedby={errors[k] ? id(k) + "-error" : undefined} />
      {errors[k] && <span id={id(k) + "-error"} className={styles.fieldError}>{errors[k]}</span>}
    </span>
  );

  return (
    <tr aria-label={t("fleet.editShiftOf", { name: courier.name })}>
      <td><strong>{courier.name}</strong>{error && <div className={styles.error} role="alert">{error}</div>}</td>
      <td>
        <label htmlFor={id("vehicle")} className="visually-hidden">{t("fleet.vehicle")}</label>
        <select id={id("vehicle")} className={styles.selectInput} value={v.vehicleId} onChange={set("vehicleId")}>
          {vehicles.map((x) => <option key={x.id} value={x.id}>{x.code}</option>)}
        </select>
      </td>
      <td />
      <td className={styles.mono}>{input("start", t("fleet.shiftStart"))}{" – "}{input("end", t("fleet.shiftEnd"))}</td>
      <td className={styles.mono}>
        {input("breakMinutes", t("fleet.breakMinutes"), 48)}{" "}{input("breakFrom", t("fleet.breakFrom"))}{"–"}{input("breakTo", t("fleet.breakTo"))}
      </td>
      <td />
      <td><span className={styles.actions}><Button small variant="primary" onClick={() => void save()}>{t("save")}</Button><Button small onClick={onDone}>{t("cancel")}</Button></span></td>
    </tr>
  );
}
