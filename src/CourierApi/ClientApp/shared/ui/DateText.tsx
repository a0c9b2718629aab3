import { useEffect, useState } from "react";
import { formatNumericDate, parseNumericDate } from "../i18n/format";

/**
 * A date typed and shown in the page's locale ("02.12.2026" on the Russian page, "02/12/2026" on the English one), or as
 * yyyy-MM-dd: Chromium's native date input follows the browser's UI language, not the page's. Taken on Enter or when
 * the field is left; a date that cannot be read is marked invalid and not taken.
 */
export function DateText({ value, locale, placeholder, title, className, onChange }: {
  value: string; locale: string; placeholder?: string; title?: string; className?: string; onChange: (date: string) => void;
}) {
  const [text, setText] = useState(() => formatNumericDate(value, locale));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => { setText(formatNumericDate(value, locale)); setInvalid(false); }, [value, locale]);
  const commit = () => {
    const parsed = parseNumericDate(text, locale);
    setInvalid(parsed === null);
    if (parsed && parsed !== value) onChange(parsed);
  };
  return (
    <input className={className} type="text" inputMode="numeric" value={text} aria-invalid={invalid || undefined} title={title} placeholder={placeholder}
      onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === "Enter") commit(); }} />
  );
}
