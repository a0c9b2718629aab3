import type { TFunction } from "i18next";
import type { Schemas } from "../../../shared/api/client";
import { formatNumber, formatPlanDate, formatTime, formatUnit } from "../../../shared/i18n/format";

// The server sends violations and unassigned reasons as codes with parameters; these put them into the page's words.
type Code = Pick<Schemas["ViolationView"], "code" | "args">;
type Where = { locale: string; zone: string };

const violationCodes = ["late", "skill", "capacity", "shiftOverrun", "maxDuration", "breakNotPlaced"] as const;
const reasons = ["WindowUnreachable", "DemandExceedsEveryVehicle", "NoVehicleWithSkill", "ShiftTooShort", "FleetFull", "PinInfeasible", "StoppedEarly", "Manual"] as const;

/** A load figure in its dimension's unit: weight is stored in grams and shown in kg. */
function amount(dimension: string | undefined, value: string | undefined, locale: string): string {
  const n = Number(value ?? 0);
  return dimension === "weight" ? formatUnit(n / 1000, "kilogram", locale) : formatNumber(n, locale);
}

function dimensionWord(t: TFunction<"board">, dimension: string | undefined): string {
  return dimension ? t(`dimension.${dimension}` as "dimension.items", { defaultValue: dimension }) : "";
}

/** One violation in words, times in the depot's zone. */
export function violationText(t: TFunction<"board">, v: Code, { locale, zone }: Where): string {
  const a = v.args;
  const time = (key: string) => formatTime(a[key], locale, zone);
  if (!(violationCodes as readonly string[]).includes(v.code)) return a.text ?? v.code;
  return t(`violation.${v.code}` as "violation.late", {
    ...a,
    from: time(v.code === "late" ? "windowStart" : "from"), to: time(v.code === "late" ? "windowEnd" : "to"),
    arrival: time("arrival"), shiftEnd: time("shiftEnd"),
    dimension: dimensionWord(t, a.dimension), load: amount(a.dimension, a.load, locale), capacity: amount(a.dimension, a.capacity, locale),
  });
}

/** A violation of an edit's list: with the courier, and the order and customer when it belongs to a stop. */
export function editViolationText(t: TFunction<"board">, v: Code, where: Where): string {
  const text = violationText(t, v, where);
  return v.args.order ? t("violation.onStop", { courier: v.args.courier, order: v.args.order, customer: v.args.customer, text })
    : t("violation.onRoute", { courier: v.args.courier ?? "", text });
}

/** Every violation of a stop, joined. */
export function stopViolations(t: TFunction<"board">, stop: Pick<Schemas["StopView"], "violation" | "violations">, where: Where): string | null {
  if (stop.violations.length > 0) return stop.violations.map((v) => violationText(t, v, where)).join("; ");
  return stop.violation ?? null;
}

/** Why an order is unassigned, in words: the reason, then its parameters (windows, times, sizes in the page's locale). */
export function unassignedText(t: TFunction<"board">, u: Pick<Schemas["UnassignedView"], "reason" | "detail" | "args">, { locale, zone }: Where): string {
  if (!(reasons as readonly string[]).includes(u.reason)) return u.detail || u.reason;
  const a = u.args;
  const reason = t(`reason.${u.reason}` as "reason.Manual");
  const windows = (a.windows ?? "").split(";").filter(Boolean)
    .map((w) => w.split("/").map((x) => formatTime(x, locale, zone)).join("–")).join(", ");
  const key = u.reason === "FleetFull" ? `FleetFull_${a.binding === "capacity" ? "capacity" : "time"}`
    : u.reason === "DemandExceedsEveryVehicle" && a.dimension === "together" ? "DemandExceedsEveryVehicle_together" : u.reason;
  const detail = t(`reasonDetail.${key}` as "reasonDetail.Manual", {
    ...a, windows, earliest: formatTime(a.earliestAt, locale, zone), from: formatTime(a.shiftStartAt, locale, zone), to: formatTime(a.shiftEndAt, locale, zone),
    dimension: dimensionWord(t, a.dimension), need: amount(a.dimension, a.need, locale), most: amount(a.dimension, a.most, locale),
  });
  // A reason stored before parameters were kept has none: its English detail is not shown on a page in another language.
  return Object.keys(a).length > 0 || u.reason === "StoppedEarly" ? `${reason} ${detail}` : reason;
}

const rowCodes = ["empty", "tooLong", "notNumber", "outOfRange", "notTime", "notAfterStart", "windowHalf", "notPlanDate", "duplicate", "tooManyRows", "notItem", "quantity"] as const;

/** Why an import row was refused, in words (values quoted as the file has them, limits and dates in the locale). */
export function rowReason(t: TFunction<"board">, r: Pick<Schemas["RowError"], "reason" | "code" | "args">, locale: string): string {
  if (!(rowCodes as readonly string[]).includes(r.code ?? "")) return r.reason;
  const a = r.args ?? {};
  const num = (k: string) => (a[k] !== undefined ? formatNumber(Number(a[k]), locale, 6) : "");
  return t(`rowError.${r.code}` as "rowError.empty", {
    ...a, min: num("min"), max: num("max"), planDate: a.planDate ? formatPlanDate(a.planDate, locale) : "",
    line: a.line ?? "",
  });
}
