import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, queryClient } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { parseClock } from "../../../../shared/i18n/format";
import { zonedInstant } from "../../../../shared/i18n/zoned";
import { Button } from "../../../../shared/ui/Button";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import styles from "../../ui/Panel.module.css";

const empty = { shopOrderId: "", customerName: "", customerPhone: "", address: "", latitude: "", longitude: "", from: "09:00", to: "11:00", items: "1", weightKg: "1", skills: "", notes: "" };

/** One order typed in by the dispatcher (a phone order); the server validates and answers every bad field. */
export function AddOrderDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("board");
  const board = useBoard();
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof empty) => ({
    id: "add-" + name, value: form[name], className: styles.input,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const [from, to] = [parseClock(form.from), parseClock(form.to)];
    if ((form.from && !from) || (form.to && !to)) {
      setError(`${t(form.from && !from ? "orders.windowFrom" : "orders.windowTo")}: ${t("fleet.error.time")}`);
      return;
    }
    setBusy(true);
    const { error: problem, response } = await api.POST("/api/v1/depots/{depotId}/orders", {
      params: { path: { depotId: board.depot.id } },
      body: {
        shopOrderId: form.shopOrderId, planDate: board.date, customerName: form.customerName, customerPhone: form.customerPhone || null,
        address: form.address, latitude: Number(form.latitude.replace(",", ".")), longitude: Number(form.longitude.replace(",", ".")), priority: 0,
        windows: from && to ? [{ start: zonedInstant(board.date, from, board.zone).toISOString(), end: zonedInstant(board.date, to, board.zone).toISOString() }] : null,
        demand: { items: Number(form.items) || 0, weightGrams: Math.round((Number(form.weightKg.replace(",", ".")) || 0) * 1000), volumeCm3: 0 },
        requiredSkills: form.skills ? form.skills.split(",").map((s) => s.trim()).filter(Boolean) : null,
        deliveryNotes: form.notes || null,
      },
    });
    setBusy(false);
    if (!response.ok) {
      setError(describeProblem(problem, t("orders.addFailed")));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/orders"] });
    setForm(empty);
    setError(null);
    onClose();
  }

  return (
    <Dialog title={t("orders.addTitle")} open={open} onClose={onClose}
      footer={<><Button onClick={onClose}>{t("cancel")}</Button><Button variant="primary" type="submit" form="add-order" disabled={busy}>{t("orders.addSubmit")}</Button></>}>
      <form id="add-order" className={styles.form} onSubmit={(e) => void submit(e)}>
        {error && <p className={[styles.error, styles.formWide].join(" ")} role="alert">{error}</p>}
        <div className={styles.formField}><label htmlFor="add-shopOrderId">{t("orders.col.order")}</label><input required {...field("shopOrderId")} /></div>
        <div className={styles.formField}><label htmlFor="add-customerName">{t("orders.col.customer")}</label><input required {...field("customerName")} /></div>
        <div className={[styles.formField, styles.formWide].join(" ")}><label htmlFor="add-address">{t("orders.col.address")}</label><input required {...field("address")} /></div>
        <div className={styles.formField}><label htmlFor="add-latitude">{t("orders.latitude")}</label><input required inputMode="decimal" {...field("latitude")} /></div>
        <div className={styles.formField}><label htmlFor="add-longitude">{t("orders.longitude")}</label><input required inputMode="decimal" {...field("longitude")} /></div>
        <div className={styles.formField}><label htmlFor="add-from">{t("orders.windowFrom")}</label><input inputMode="numeric" placeholder="09:00" {...field("from")} /></div>
        <div className={styles.formField}><label htmlFor="add-to">{t("orders.windowTo")}</label><input inputMode="numeric" placeholder="11:00" {...field("to")} /></div>
        <div className={styles.formField}><label htmlFor="add-items">{t("orders.col.items")}</label><input type="number" min={0} {...field("items")} /></div>
        <div className={styles.formField}><label htmlFor="add-weightKg">{t("orders.col.weight")}</label><input inputMode="decimal" {...field("weightKg")} /></div>
        <div className={styles.formField}><label htmlFor="add-customerPhone">{t("orders.phone")}</label><input type="tel" {...field("customerPhone")} /></div>
        <div className={styles.formField}><label htmlFor="add-skills">{t("orders.col.skills")}</label><input placeholder="fridge" {...field("skills")} /></div>
        <div className={[styles.formField, styles.formWide].join(" ")}><label htmlFor="add-notes">{t("orders.notes")}</label><input {...field("notes")} /></div>
      </form>
    </Dialog>
  );
}
