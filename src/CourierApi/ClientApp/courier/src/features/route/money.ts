
/** Amounts as the API gives them (no currency field): two decimals in the page's locale. */
export function formatAmount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** Order total less the refused quantity of each line (by line index; the server recalculates the same and stores it). */
export function recalculatedTotal(items: { quantity: number; unitPrice: number }[], refused: Map<number, number>): number {
  const cents = items.reduce((sum, i, line) => sum + Math.round(i.unitPrice * 100) * (i.quantity - Math.min(i.quantity, refused.get(line) ?? 0)), 0);
  return cents / 100;
}

/** What the hub takes: refused quantities per SKU, a SKU listed on two lines summed into one entry. */
export function refusedBySku(items: { sku: string }[], refused: Map<number, number>): { sku: string; quantity: number }[] {
  const bySku = new Map<string, number>();
  for (const [line, q] of refused) if (q > 0) bySku.set(items[line]!.sku, (bySku.get(items[line]!.sku) ?? 0) + q);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

