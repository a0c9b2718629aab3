import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import styles from "../../ui/Panel.module.css";

/** Issues a tablet for a courier and shows what to type or scan on it (shown once). */
export function TabletDialog({ courier, onClose }: { courier: Schemas["CourierResponse"] | null; onClose: () => void }) {
  const { t } = useTranslation("board");
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setToken(null); setError(null); }, [courier]);

  async function issue() {
    if (!courier) return;
    const { data, error: problem, response } = await api.POST("/api/v1/couriers/{courierId}/devices", {
      params: { path: { courierId: courier.id } }, body: { name: `${courier.name} tablet` },
    });
    if (!response.ok || !data) setError(describeProblem(problem, t("fleet.tabletFailed")));
    else setToken(data.token);
  }

  return (
    <Dialog title={t("fleet.tabletTitle", { name: courier?.name ?? "" })} open={courier !== null} onClose={onClose}
      footer={token ? <Button variant="primary" onClick={onClose}>{t("done")}</Button> : <><Button onClick={onClose}>{t("cancel")}</Button><Button variant="primary" onClick={() => void issue()}>{t("fleet.issue")}</Button></>}>
      {error && <p className={styles.error} role="alert">{error}</p>}
      {!token ? <p>{t("fleet.tabletExplain")}</p> : (
        <div role="status">
          <p>{t("fleet.tokenOnce")}</p>
          <p className={styles.mono} style={{ fontSize: 18, wordBreak: "break-all", fontWeight: 600 }}>{token}</p>
        </div>
      )}
    </Dialog>
  );
}
