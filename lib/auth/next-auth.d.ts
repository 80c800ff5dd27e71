import "next-auth";

declare module "next-auth" {
  interface Session {
    customerId: string;
    /** Set when the customer logged in with a PEC address: the session sees only that mailbox. */
    pecServiceId?: string;
  }
}
