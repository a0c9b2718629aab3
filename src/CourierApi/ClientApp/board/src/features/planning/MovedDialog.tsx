import { useTranslation } from "react-i18next";
import { $api, type Schemas } from "../../../../shared/api/client";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import panel from "../../ui/Panel.module.css";

type Change = Schemas["StopChange"];
const kinds = ["Moved", "Added", "Assigned", "Unassigned", "Reordered"] as const;

/** After a re-plan: what moved against the plan before it (stops that changed route or order, routes added or emptied). */
export function MovedDialog({ versionId, open, onAccept }: { versionId: number; open: boolean; onAccept: () => void }) {
  const { t } = useTranslation("board");
  const changes = $api.useQuery("get", "/api/v1/plan-versions/{versionId}/changes", { params: { path: { versionId } } }, { enabled: open });
  const c = changes.data;
  const place = (name: string | null | undefined, seq: number | null | undefined) => (name ? `${name}${seq ? ` #${seq}` : ""}` : t("moved.unassigned"));
  return (
    <Dialog title={t("moved.title")} open={open} onClose={onAccept} wide footer={<Button variant="primary" onClick={onAccept}>{t("moved.accept")}</Button>}>
      {!c ? <p role="status">{t("loading")}</p> : (
        <>
          <p>
            {t("moved.leadVersions", { number: c.versionNumber, previous: c.previousVersionNumber ?? "—" })}{" "}
            <strong>{t("moved.count", { count: c.stops.length })}</strong> · {t("moved.unchanged", { count: c.unchangedStops })}
          </p>
          {(c.routesAdded.length > 0 || c.routesEmptied.length > 0) && (
            <ul>
              {c.routesAdded.map((r) => <li key={"a" + r.courierId}>{t("moved.routeAdded", { name: r.courierName, count: r.stopsAfter })}</li>)}
              {c.routesEmptied.map((r) => <li key={"e" + r.courierId}>{t("moved.routeEmptied", { name: r.courierName, count: r.stopsBefore })}</li>)}
            </ul>
          )}
          {c.stops.length === 0 ? <p>{t("moved.none")}</p> : (
            <div style={{ maxHeight: 360, overflow: "auto" }} tabIndex={0}>
              <table className={panel.table}>
                <caption className="visually-hidden">{t("moved.title")}</caption>
                <thead><tr><th>{t("moved.order")}</th><th>{t("moved.change")}</th><th>{t("moved.from")}</th><th>{t("moved.to")}</th></tr></thead>
                <tbody>
                  {[...c.stops].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind)).map((s: Change) => (
                    <tr key={s.orderId}>
                      <td><span className={panel.mono}>{s.shopOrderId}</span> · {s.customerName}</td>
                      <td><span className={[panel.badge, s.kind === "Unassigned" ? panel.badgeDanger : s.kind === "Moved" ? panel.badgeWarn : panel.badgeInfo].join(" ")}>{t(`moved.kind.${s.kind}`)}</span></td>
                      <td>{place(s.fromCourierName, s.fromSequence)}</td>
                      <td>{place(s.toCourierName, s.toSequence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
