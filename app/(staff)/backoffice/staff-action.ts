import "server-only";
import { redirect } from "next/navigation";
import { getStaff, STAFF_LOGIN_PATH, type Staff } from "@/lib/auth/session";

/** Server actions check the session again: a page once rendered proves nothing. */
export async function staffForAction(): Promise<Staff> {
  const staff = await getStaff();
  if (!staff) redirect(STAFF_LOGIN_PATH);
  return staff;
}
