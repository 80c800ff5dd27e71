"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import styles from "./backoffice.module.css";

/** Pagamenti is Amministrazione's only; the pages refuse anyone else whatever this shows. */
export function StaffNav({ administration }: { administration: boolean }) {
  const t = useTranslations("backoffice.shell");
  const pathname = usePathname();
  const links = [
    { href: "/backoffice/richieste", label: t("requests") },
    ...(administration ? [{ href: "/backoffice/pagamenti", label: t("payments") }] : []),
    { href: "/backoffice/registro", label: t("audit") },
  ];
  return (
    <nav className={styles.nav} aria-label={t("nav")}>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={pathname.startsWith(l.href) ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
