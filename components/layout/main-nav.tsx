"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const links = [
  { href: "/", key: "home", match: (p: string) => p === "/" || p.startsWith("/servizi") },
  { href: "/ordini", key: "orders", match: (p: string) => p.startsWith("/ordini") },
  { href: "/fatture", key: "invoices", match: (p: string) => p.startsWith("/fatture") },
  { href: "/metodi-di-pagamento", key: "paymentMethods", match: (p: string) => p.startsWith("/metodi-di-pagamento") },
  { href: "/assistenza", key: "support", match: (p: string) => p.startsWith("/assistenza") },
] as const;

export function MainNav() {
  const t = useTranslations("app");
  const pathname = usePathname();
  return (
    <nav className="main-nav" aria-label={t("mainNav")}>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.match(pathname) ? "page" : undefined}>
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
