import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** What the area shows about the customer in page headings. */
export async function getCustomerHeader(viewer: Viewer) {
  return db.customer.findUniqueOrThrow({
    where: { id: viewer.customerId },
    select: { displayName: true, customerCode: true },
  });
}
