import "server-only";
import { redirect } from "next/navigation";
import { requestClient } from "@/lib/security/client";
import { getStaff, STAFF_LOGIN_PATH, type Staff } from "@/lib/auth/session";

/** Where a staff action came from, for the audit log. */
export const clientInfo = requestClient;

/** Server actions check the session again: a page once rendered proves nothing. */
export async function staffForAction(): Promise<Staff> {
  const staff = await getStaff();
  if (!staff) redirect(STAFF_LOGIN_PATH);
  return staff;
}
