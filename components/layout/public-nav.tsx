"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** What anyone can do without logging in: pay an invoice, ask for the payment list, get help. */
const links = [
  { href: "/paga-fattura", key: "payInvoice" },
  { href: "/lista-pagamenti", key: "paymentsList" },
  { href: "/assistenza", key: "support" },
] as const;

export function PublicNav() {
  const t = useTranslations("app");
  const pathname = usePathname();
  return (
    <nav className="main-nav" aria-label={t("publicNav")}>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={pathname.startsWith(l.href) ? "page" : undefined}>
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
