import { useId, type ReactNode } from "react";
import styles from "./Panel.module.css";

/** A titled section of the page. */
export function Panel({ id, title, children, actions, wide }: { id?: string; title: string; children: ReactNode; actions?: ReactNode; wide?: boolean }) {
  const headingId = useId();
  return (
    <section id={id} className={wide ? `${styles.panel} ${styles.wide}` : styles.panel} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
