/** A padlock drawn in SVG (no emoji font needed), hidden from screen readers: the text beside it says "locked". */
export function LockIcon({ size = 11 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 12 12" aria-hidden="true" style={{ verticalAlign: "-1px", flex: "none" }}>
      <rect x="2" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
      <path d="M3.8 5V3.6a2.2 2.2 0 0 1 4.4 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
