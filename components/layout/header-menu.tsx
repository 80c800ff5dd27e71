"use client";

import { usePathname } from "next/navigation";

/**
 * The header's navigation and tools. On a phone they fold behind a "Menu" disclosure: a native
 * <details>, so it opens and closes with no script of its own, by touch, mouse or keyboard, before
 * the page is hydrated too. On a wider screen globals.css hides the button and shows the content.
 * Keyed on the path: the header survives client-side navigation, and a menu left open over the
 * next page would hide it.
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const pathname = usePathname();
  return (
    <details key={pathname} className="header-menu">
      <summary className="menu-button">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        {label}
      </summary>
      <div className="header-menu-panel">{children}</div>
    </details>
  );
}
