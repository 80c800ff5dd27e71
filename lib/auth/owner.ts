import { actorOf } from "@/lib/audit";

/** Whose account a security row belongs to: a customer's or a member of staff's. */
export type Owner = { customerId: string } | { staffId: string };

export const isStaffOwner = (o: Owner): o is { staffId: string } => "staffId" in o;

/** "customer:<id>" / "staff:<id>": the audit actor, and the key of the owner's allowances and sealed secrets. */
export function ownerKey(o: Owner): string {
  return isStaffOwner(o) ? actorOf.staff(o.staffId) : actorOf.customer(o.customerId);
}

/** Where the owner's security events go in the audit log. */
export function ownerEntity(o: Owner): { entity: string; entityId: string } {
  return isStaffOwner(o) ? { entity: "StaffUser", entityId: o.staffId } : { entity: "customer", entityId: o.customerId };
}

/** The owner's columns, for a where clause or a row to create (never both ids). */
export function ownerWhere(o: Owner): { customerId: string } | { staffId: string } {
  return isStaffOwner(o) ? { staffId: o.staffId } : { customerId: o.customerId };
}
