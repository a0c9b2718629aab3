/** The route palette from tokens.css, for MapLibre paint and inline geometry (read once from the document). */
const fallback = ["#2f6fdf", "#c94a35", "#198453", "#9b4dca", "#a46800", "#0b7f8c", "#c43c8a", "#6a7d12", "#8a5a2b", "#4a58b8", "#cc435c", "#278080"];
let palette: string[] | null = null;

export function routeColour(index: number): string {
  if (!palette) {
    const style = typeof document !== "undefined" ? getComputedStyle(document.documentElement) : null;
    palette = fallback.map((f, i) => style?.getPropertyValue(`--route-${i}`).trim() || f);
  }
  return palette[((index % palette.length) + palette.length) % palette.length] ?? fallback[0]!;
}
