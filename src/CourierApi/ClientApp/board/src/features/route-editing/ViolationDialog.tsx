import { useTranslation } from "react-i18next";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import panel from "../../ui/Panel.module.css";
import type { Schemas } from "../../../../shared/api/client";
import type { Pending } from "./useEdits";

/** The server re-timed the edit and found violations: show them in words, let the dispatcher apply anyway or not. */
export function ViolationDialog({ pending, busy, words, onApply, onClose }: {
  pending: Pending | null; busy: boolean; words: (v: Schemas["ViolationView"]) => string; onApply: () => void; onClose: () => void;
}) {
  const { t } = useTranslation("board");
  return (
    <Dialog title={t("edit.violationsTitle")} open={pending !== null} onClose={onClose}
      footer={<><Button onClick={onClose}>{t("cancel")}</Button><Button variant="danger" disabled={busy} onClick={onApply}>{t("edit.applyAnyway")}</Button></>}>
      {pending && (
        <>
          <p><strong>{pending.what}</strong></p>
          <p>{t("edit.violationsLead")}</p>
          <ul className={panel.error} style={{ paddingLeft: 28 }}>
            {pending.violations.map((v, i) => <li key={i}>{words(v)}</li>)}
          </ul>
        </>
      )}
    </Dialog>
  );
}
