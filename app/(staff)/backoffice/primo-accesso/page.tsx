import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pendingTotpSetup, totpStatus } from "@/lib/account/two-factor";
import { requireStaffInSetup } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { FirstAccess } from "./first-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountForms.staffSetup"))("title") };
}

/** Opens before any other back-office page until the set-up is done (requireStaff sends here). */
export default async function FirstAccessPage() {
  const staff = await requireStaffInSetup();
  const owner = { staffId: staff.staffId };
  const [t, row, status] = await Promise.all([getTranslations("accountForms.staffSetup"), db.staffUser.findUniqueOrThrow({ where: { id: staff.staffId }, select: { mustChangePassword: true } }), totpStatus(owner, staff.sessionId)]);
  const pending = status.pending ? await pendingTotpSetup(owner, staff.sessionId, `${staff.username} (back office)`) : null;
  const step = row.mustChangePassword ? "password" : status.enabled ? null : pending ? "totp-confirm" : "totp-start";
  return (
    <ClientMessages namespaces={["accountForms"]}>
      <h1>{t("title")}</h1>
      {step ? <FirstAccess step={step} pending={pending} /> : <p>{t("alreadyDone")}</p>}
    </ClientMessages>
  );
}
