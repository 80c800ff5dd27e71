"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogoutButton() {
  const t = useTranslations("app");
  return (
    <button type="button" className="btn btn-ghost btn-small" onClick={() => signOut({ callbackUrl: "/login?uscita=1" })}>
      {t("logout")}
    </button>
  );
}
