import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { SessionRow } from "@/components/account/sessions-list";
import type { DeviceSession } from "@/lib/account/sessions";
import { describeDevice } from "@/lib/auth/device";

/** The sessions as the list shows them: device in words, times in Europe/Rome, how it signed in. */
export async function sessionRows(sessions: DeviceSession[]): Promise<SessionRow[]> {
  const [format, locale, t] = await Promise.all([getFormatter(), getLocale(), getTranslations("accountForms.sessions")]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return sessions.map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent, locale === "en" ? "en" : "it"),
    ip: s.ip,
    lastSeen: when(s.lastSeenAt),
    signedIn: when(s.createdAt),
    current: s.current,
    via: s.kind === "PEC" ? t("viaPec") : undefined,
  }));
}
