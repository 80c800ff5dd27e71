import type { Staff } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

// Integration-test helper: the demo staff (an invoice paid through the sandbox bank is
// `paidInvoice` in lib/invoice-payments/test-helpers).

export async function demoStaff(username: "admin" | "supporto"): Promise<Staff> {
  const s = await getDb().staffUser.findUniqueOrThrow({ where: { username }, select: { id: true, username: true, displayName: true, role: true } });
  return { staffId: s.id, username: s.username, displayName: s.displayName, role: s.role };
}
