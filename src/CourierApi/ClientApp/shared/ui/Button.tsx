import type { ButtonHTMLAttributes } from "react";
import styles from "./Button.module.css";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export function Button({ variant = "secondary", small, className, type = "button", ...rest }:
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; small?: boolean }) {
  const classes = [styles.button, variant !== "secondary" && styles[variant], small && styles.small, className].filter(Boolean).join(" ");
  return <button type={type} className={classes} {...rest} />;
}
