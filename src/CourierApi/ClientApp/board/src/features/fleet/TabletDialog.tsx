import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { formatDateTime } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import styles from "../../ui/Panel.module.css";

type Pairing = Schemas["PairingCodeResponse"];

/** Issues a one-use pairing code for a courier's tablet: the code to type, and its QR code to scan. */
export function TabletDialog({ courier, onClose }: { courier: Schemas["CourierResponse"] | null; onClose: () => void }) {
  const { t } = useTranslation("board");
  const { locale, zone } = useBoard();
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setPairing(null); setError(null); }, [courier]);

  async function issue() {
    if (!courier) return;
    const { data, error: problem, response } = await api.POST("/api/v1/couriers/{courierId}/pairing-codes", {
      params: { path: { courierId: courier.id } }, body: { deviceName: `${courier.name} tablet` },
    });
    if (!response.ok || !data) setError(describeProblem(problem, t("fleet.tabletFailed")));
    else setPairing(data);
  }

  const code = pairing ? pairing.code.replace(/^(.{4})(.{4})$/, "$1-$2") : "";
  return (
    <Dialog title={t("fleet.tabletTitle", { name: courier?.name ?? "" })} open={courier !== null} onClose={onClose}
      footer={pairing ? <Button variant="primary" onClick={onClose}>{t("done")}</Button> : <><Button onClick={onClose}>{t("cancel")}</Button><Button variant="primary" onClick={() => void issue()}>{t("fleet.issue")}</Button></>}>
      {error && <p className={styles.error} role="alert">{error}</p>}
      {!pairing ? <p>{t("fleet.tabletExplain")}</p> : (
        <div role="status" style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: 20, alignItems: "center" }}>
          <img width={168} height={168} alt={t("fleet.qrAlt", { url: pairing.pairingUrl })} src={"data:image/svg+xml;utf8," + encodeURIComponent(pairing.qrSvg)} />
          <div>
            <div className={styles.cardLabel}>{t("fleet.pairingCode")}</div>
            <div style={{ fontSize: 30, fontWeight: 600, letterSpacing: 2, fontVariantNumeric: "tabular-nums" }} data-testid="pairing-code">{code}</div>
            <p className={styles.muted}>{t("fleet.pairingExpires", { at: formatDateTime(pairing.expiresAt, locale, zone) })}</p>
            <p className={styles.muted} style={{ wordBreak: "break-all" }}>{pairing.pairingUrl}</p>
          </div>
        </div>
      )}
    </Dialog>
  );
}
