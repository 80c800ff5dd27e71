import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/options";
import { getStaff, STAFF_LOGIN_PATH, type Staff } from "@/lib/auth/session";

/** Where a staff action came from, for the audit log. */
export async function clientInfo() {
  const h = Object.fromEntries(await headers());
  return { ip: requestIp(h), userAgent: h["user-agent"]?.slice(0, 500) || undefined };
}

/** Server actions check the session again: a page once rendered proves nothing. */
export async function staffForAction(): Promise<Staff> {
  const staff = await getStaff();
  if (!staff) redirect(STAFF_LOGIN_PATH);
  return staff;
}
