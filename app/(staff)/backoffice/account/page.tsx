import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listSessions } from "@/lib/account/sessions";
import { totpStatus } from "@/lib/account/two-factor";
import { requireStaff } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { sessionRows } from "@/components/account/session-rows";
import { StaffAccount } from "./staff-account";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountForms.staffAccount"))("title") };
}

export default async function StaffAccountPage() {
  const staff = await requireStaff();
  const owner = { staffId: staff.staffId };
  const [t, sessions, status] = await Promise.all([getTranslations("accountForms.staffAccount"), listSessions({ owner, currentSessionId: staff.sessionId }), totpStatus(owner)]);
  return (
    <ClientMessages namespaces={["accountForms"]}>
      <h1>{t("title")}</h1>
      <StaffAccount sessions={await sessionRows(sessions)} codesLeft={status.recoveryCodesLeft} />
    </ClientMessages>
  );
}
