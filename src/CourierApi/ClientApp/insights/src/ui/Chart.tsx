import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { Button } from "../../../shared/ui/Button";
import { download } from "./csv";
import styles from "./Chart.module.css";

export type ChartSeries = { label: string; values: (number | null)[]; color: string; scale?: "y" | "pct" };

/**
 * A small uPlot chart over categories (days, hours, buckets): bars or lines, with a PNG export. The numbers it draws
 * are always also in the table the caller renders beside it (charts are not the only way to read them).
 */
export function Chart({ title, labels, series, kind = "bars", height = 200, fileName, percent, xLabel = "" }: {
  title: string; labels: string[]; series: ChartSeries[]; kind?: "bars" | "line"; height?: number; fileName: string; percent?: boolean; xLabel?: string;
}) {
  const { t } = useTranslation("insights");
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const key = JSON.stringify([labels, series, kind, percent]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const x = labels.map((_, i) => i);
    const longest = Math.max(3, ...labels.map((l) => l.length)) + 2;
    const bars = uPlot.paths.bars!({ size: [0.7, 40] });
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height,
      legend: { show: series.length > 1, live: false }, // the series names only: the values are in the table behind the chart
      cursor: { points: { show: kind === "line" } },
      scales: {
        x: { time: false, range: [-0.6, labels.length - 0.4] },
        y: { range: percent ? [0, 100] : (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
        pct: { range: [0, 100] },
      },
      axes: [
        {
          // Whole categories only, as many as fit: a label every n-th bar.
          splits: () => {
            const every = Math.max(1, Math.ceil((labels.length * longest * 7) / Math.max(200, el.clientWidth - 100)));
            return labels.map((_, i) => i).filter((i) => i % every === 0);
          },
          values: (_u, splits) => splits.map((s) => labels[s] ?? ""), gap: 4, font: "11px Noto Sans, DejaVu Sans",
        },
        { size: 44, font: "11px Noto Sans, DejaVu Sans", values: (_u, splits) => splits.map((s) => (percent ? s + "%" : String(s))) },
        ...(series.some((s) => s.scale === "pct") ? [{ side: 1, scale: "pct", size: 44, grid: { show: false }, font: "11px Noto Sans, DejaVu Sans",
          values: (_u: uPlot, splits: number[]) => splits.map((s) => s + "%") }] : []),
      ],
      series: [
        { label: xLabel, value: (_u: uPlot, v: number | null) => (v == null ? "—" : labels[v] ?? "") },
        ...series.map((s, i) => ({
          label: s.label, stroke: s.color, fill: kind === "bars" && i === 0 ? s.color : undefined,
          width: kind === "line" || i > 0 ? 2 : 0,
          // In a bar chart the first series is the bars; the others are lines with points over them (rate, 90th percentile).
          paths: kind === "bars" && i === 0 ? bars : undefined, scale: s.scale ?? "y", points: { show: kind === "line" || i > 0 },
        })),
      ],
    };
    const u = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(280, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // key holds labels, series and kind
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, height]);

  function savePng() {
    const canvas = plot.current?.ctx.canvas;
    if (!canvas) return;
    const out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height + 40;
    const ctx = out.getContext("2d")!;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = "#1b1f29";
    ctx.font = "600 20px Noto Sans, DejaVu Sans";
    ctx.fillText(title, 12, 28);
    ctx.drawImage(canvas, 0, 40);
    out.toBlob((blob) => blob && download(fileName + ".png", blob), "image/png");
  }

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        <span>{title}</span>
        <Button small variant="ghost" onClick={savePng} aria-label={t("savePng", { title })}>PNG</Button>
      </figcaption>
      <div ref={box} className={styles.plot} aria-hidden="true" />
    </figure>
  );
}
