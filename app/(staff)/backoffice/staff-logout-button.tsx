"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function StaffLogoutButton() {
  const t = useTranslations("backoffice.shell");
  return (
    <button type="button" className="btn btn-ghost btn-small" onClick={() => signOut({ callbackUrl: "/backoffice/accesso?uscita=1" })}>
      {t("logout")}
    </button>
  );
}
