import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { formatTime } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import styles from "../../ui/Panel.module.css";

type Props = { courier: Schemas["CourierResponse"]; shift?: Schemas["ShiftResponse"]; vehicles: Schemas["VehicleResponse"][]; onDone: () => void };

/** The row of a courier turned into inputs: vehicle, start, end, break window and minutes. */
export function ShiftEditor({ courier, shift, vehicles, onDone }: Props) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const local = (iso: string | null | undefined, fallback: string) => (iso ? formatTime(iso, "en-GB", board.zone) : fallback);
  const [v, setV] = useState({
    vehicleId: String(shift?.vehicleId ?? vehicles[0]?.id ?? ""), start: local(shift?.startsAt, "08:00"), end: local(shift?.endsAt, "18:00"),
    breakFrom: local(shift?.breakEarliest, "12:00"), breakTo: local(shift?.breakLatest, "14:00"),
    breakMinutes: String(shift?.breakDurationSeconds ? Math.round(shift.breakDurationSeconds / 60) : 30),
  });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const id = (k: string) => `shift-${courier.id}-${k}`;

  async function save() {
    const minutes = Number(v.breakMinutes) || 0;
    const { error: problem, response } = await api.PUT("/api/v1/couriers/{courierId}/shifts/{date}", {
      params: { path: { courierId: courier.id, date: board.date } },
      body: {
        vehicleId: Number(v.vehicleId), start: v.start + ":00", end: v.end + ":00", startDepotId: null, endDepotId: null,
        break: minutes > 0 ? { earliest: v.breakFrom + ":00", latest: v.breakTo + ":00", durationMinutes: minutes } : null,
      },
    });
    if (!response.ok) {
      setError(describeProblem(problem, t("fleet.saveFailed")));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/shifts"] });
    onDone();
  }

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
      <td className={styles.mono}>
        <label htmlFor={id("start")} className="visually-hidden">{t("fleet.shiftStart")}</label>
        <input id={id("start")} className={styles.input} type="time" value={v.start} onChange={set("start")} />{" – "}
        <label htmlFor={id("end")} className="visually-hidden">{t("fleet.shiftEnd")}</label>
        <input id={id("end")} className={styles.input} type="time" value={v.end} onChange={set("end")} />
      </td>
      <td className={styles.mono}>
        <label htmlFor={id("bmin")} className="visually-hidden">{t("fleet.breakMinutes")}</label>
        <input id={id("bmin")} className={styles.input} type="number" min={0} max={240} style={{ width: 64 }} value={v.breakMinutes} onChange={set("breakMinutes")} />{" "}
        <label htmlFor={id("bfrom")} className="visually-hidden">{t("fleet.breakFrom")}</label>
        <input id={id("bfrom")} className={styles.input} type="time" value={v.breakFrom} onChange={set("breakFrom")} />{"–"}
        <label htmlFor={id("bto")} className="visually-hidden">{t("fleet.breakTo")}</label>
        <input id={id("bto")} className={styles.input} type="time" value={v.breakTo} onChange={set("breakTo")} />
      </td>
      <td />
      <td><span className={styles.actions}><Button small variant="primary" onClick={() => void save()}>{t("save")}</Button><Button small onClick={onDone}>{t("cancel")}</Button></span></td>
    </tr>
  );
}
