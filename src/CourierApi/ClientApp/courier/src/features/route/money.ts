
/** Amounts as the API gives them (no currency field): two decimals in the page's locale. */
export function formatAmount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** Order total less refused quantities (the server recalculates the same and stores it). */
export function recalculatedTotal(items: { sku: string; quantity: number; unitPrice: number }[], refused: Map<string, number>): number {
  const cents = items.reduce((sum, i) => sum + Math.round(i.unitPrice * 100) * (i.quantity - Math.min(i.quantity, refused.get(i.sku) ?? 0)), 0);
  return cents / 100;
}

