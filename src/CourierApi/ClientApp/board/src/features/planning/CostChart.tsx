import { useTranslation } from "react-i18next";
import type { CostPoint } from "./usePlanningJob";

/** Best cost over elapsed seconds: a small line, with the numbers in its title for screen readers. */
export function CostChart({ points, width = 180, height = 44 }: { points: CostPoint[]; width?: number; height?: number }) {
  const { t } = useTranslation("board");
  if (points.length < 2) {
    return <svg width={width} height={height} role="img" aria-label={t("plan.costChart")} />;
  }
  const xs = points.map((p) => p.elapsed), ys = points.map((p) => p.cost);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs) || 1];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (v: number) => ((v - x0) / (x1 - x0 || 1)) * (width - 4) + 2;
  const y = (v: number) => height - 4 - ((v - y0) / (y1 - y0 || 1)) * (height - 8);
  const d = points.map((p, i) => `${i ? "L" : "M"}${x(p.elapsed).toFixed(1)},${y(p.cost).toFixed(1)}`).join(" ");
  return (
    <svg width={width} height={height} role="img" aria-label={t("plan.costChartValues", { first: ys[0], last: ys[ys.length - 1] })}>
      <path d={d} fill="none" stroke="var(--c-primary)" strokeWidth="2" />
    </svg>
  );
}
