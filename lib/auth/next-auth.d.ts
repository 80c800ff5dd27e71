import "next-auth";
import type { StaffRole } from "@/lib/db/generated/enums";

// A session is either a customer's or a staff member's, never both: the customer area reads
// `customerId` only, the back office `staffId` only.
declare module "next-auth" {
  interface Session {
    /** The UserSession row behind this cookie (lib/auth/session-registry.ts). */
    sessionId?: string;
    customerId?: string;
    /** Set when the customer logged in with a PEC address: the session sees only that mailbox. */
    pecServiceId?: string;
    /** Set for a staff login (back office). */
    staffId?: string;
    staffRole?: StaffRole;
  }
}
