import Link from "next/link";
import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "ghost";
type Size = "normal" | "small";

function classes(variant: Variant, size: Size, extra?: string) {
  return ["btn", `btn-${variant}`, size === "small" ? "btn-small" : "", extra ?? ""].filter(Boolean).join(" ");
}

export function Button({ variant = "primary", size = "normal", className, ...props }: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button className={classes(variant, size, className)} {...props} />;
}

export function ButtonLink({ variant = "primary", size = "normal", className, ...props }: ComponentProps<typeof Link> & { variant?: Variant; size?: Size }) {
  return <Link className={classes(variant, size, className)} {...props} />;
}
