import "server-only";
import { requireStaff, type Staff } from "@/lib/auth/session";

/**
 * Server actions check the session again, with the pages' own rule (requireStaff): a page once
 * rendered proves nothing, and a session whose first access is pending is sent to finish it.
 */
export async function staffForAction(): Promise<Staff> {
  return requireStaff();
}
