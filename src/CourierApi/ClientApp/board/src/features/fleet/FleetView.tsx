import { useState } from "react";
import { useTranslation } from "react-i18next";
import { $api, type Schemas } from "../../../../shared/api/client";
import { formatNumber, formatTime, formatUnit } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import styles from "../../ui/Panel.module.css";
import { ShiftEditor } from "./ShiftEditor";
import { TabletDialog } from "./TabletDialog";

type Courier = Schemas["CourierResponse"];

/** The fleet for the date: who works, in which vehicle, when, with which break and skills. */
export function FleetView() {
  const { t } = useTranslation("board");
  const board = useBoard();
  const couriers = $api.useQuery("get", "/api/v1/depots/{depotId}/couriers", { params: { path: { depotId: board.depot.id } } });
  const vehicles = $api.useQuery("get", "/api/v1/depots/{depotId}/vehicles", { params: { path: { depotId: board.depot.id } } });
  const shifts = $api.useQuery("get", "/api/v1/depots/{depotId}/shifts", { params: { path: { depotId: board.depot.id }, query: { date: board.date } } });
  const [editing, setEditing] = useState<number | null>(null);
  const [tablet, setTablet] = useState<Courier | null>(null);
  const vehicleById = new Map((vehicles.data ?? []).map((v) => [v.id, v]));
  const shiftByCourier = new Map((shifts.data ?? []).map((s) => [s.courierId, s]));
  const time = (iso: string | null | undefined) => formatTime(iso, board.locale, board.zone);
  const onShift = shifts.data?.length ?? 0;

  return (
    <div className={styles.page}>
      <section className={styles.panel} aria-labelledby="fleet-title">
        <div className={styles.toolbar}>
          <h2 id="fleet-title">{t("fleet.title")}</h2>
          <span className={styles.muted}>{t("fleet.onShift", { count: onShift, total: couriers.data?.length ?? 0 })}</span>
        </div>
        <div className={styles.tableWrapFull}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t("fleet.title")}</caption>
            <thead>
              <tr>
                <th>{t("fleet.courier")}</th><th>{t("fleet.vehicle")}</th><th className={styles.num}>{t("fleet.capacity")}</th>
                <th>{t("fleet.shift")}</th><th>{t("fleet.break")}</th><th>{t("fleet.skills")}</th><th><span className="visually-hidden">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {(couriers.data ?? []).map((c) => {
                const shift = shiftByCourier.get(c.id);
                const vehicle = shift ? vehicleById.get(shift.vehicleId) : undefined;
                if (editing === c.id) {
                  return <ShiftEditor key={c.id} courier={c} shift={shift} vehicles={vehicles.data ?? []} onDone={() => setEditing(null)} />;
                }
                const skills = [...new Set([...c.skills, ...(vehicle?.skills ?? [])])];
                return (
                  <tr key={c.id}>
                    <td><strong>{c.name}</strong><div className={styles.muted}>{c.phone}</div></td>
                    <td>{vehicle?.code ?? <span className={styles.muted}>—</span>}</td>
                    <td className={[styles.num, styles.mono].join(" ")}>{vehicle ? t("fleet.capacityValue", { items: formatNumber(vehicle.capacity.items, board.locale), weight: formatUnit(vehicle.capacity.weightGrams / 1000, "kilogram", board.locale, 0) }) : "—"}</td>
                    <td className={styles.mono}>{shift ? `${time(shift.startsAt)}–${time(shift.endsAt)}` : <span className={[styles.badge, styles.badgeWarn].join(" ")}>{t("fleet.off")}</span>}</td>
                    <td className={styles.mono}>{shift?.breakDurationSeconds ? t("fleet.breakValue", { minutes: Math.round(shift.breakDurationSeconds / 60), from: time(shift.breakEarliest), to: time(shift.breakLatest) }) : "—"}</td>
                    <td><span className={styles.chips}>{skills.map((s) => <span key={s} className={styles.badge}>{s}</span>)}</span></td>
                    <td>
                      {board.editable && (
                        <span className={styles.actions}>
                          <Button small onClick={() => setEditing(c.id)}>{t("fleet.editShift")}<span className="visually-hidden"> — {c.name}</span></Button>
                          <Button small onClick={() => setTablet(c)}>{t("fleet.tablet")}<span className="visually-hidden"> — {c.name}</span></Button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {couriers.isPending && <p className={styles.empty} role="status">{t("loading")}</p>}
        </div>
      </section>
      <TabletDialog courier={tablet} onClose={() => setTablet(null)} />
    </div>
  );
}
