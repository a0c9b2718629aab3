/** The page's clock: everything asks here, so tests pin one instant (Playwright's Page.Clock). */
export function now(): Date {
  return new Date();
}
