
/** Amounts as the API gives them (no currency field): two decimals in the page's locale. */
export function formatAmount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/**
 * Order total less the refused items, as the server recalculates and stores it: what the courier picked is summed per
 * SKU, and a SKU on several lines is taken back from its lines in order, each up to its quantity at its own price.
 */
export function recalculatedTotal(items: { sku: string; quantity: number; unitPrice: number }[], refused: Map<number, number>): number {
  const left = new Map(refusedBySku(items, refused).map((r) => [r.sku, r.quantity]));
  const cents = items.reduce((sum, i) => {
    const take = Math.min(i.quantity, left.get(i.sku) ?? 0);
    if (take > 0) left.set(i.sku, left.get(i.sku)! - take);
    return sum + Math.round(i.unitPrice * 100) * (i.quantity - take);
  }, 0);
  return cents / 100;
}

/** What the hub takes: refused quantities per SKU, a SKU listed on two lines summed into one entry. */
export function refusedBySku(items: { sku: string }[], refused: Map<number, number>): { sku: string; quantity: number }[] {
  const bySku = new Map<string, number>();
  for (const [line, q] of refused) if (q > 0) bySku.set(items[line]!.sku, (bySku.get(items[line]!.sku) ?? 0) + q);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

