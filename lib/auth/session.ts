import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";

/** Who is looking: a customer, possibly limited to one PEC mailbox (login with the PEC). */
export type Viewer = { customerId: string; username: string; pecServiceId?: string };

export async function getViewer(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions());
  if (!session?.customerId) return null;
  return { customerId: session.customerId, username: session.user?.name ?? "", pecServiceId: session.pecServiceId };
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/**
 * Pages that change the account itself (its cards): a login with a PEC mailbox's password opens
 * that mailbox only, so it is sent back to the read-only list.
 */
export async function requireAccountViewer(back: string): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.pecServiceId) redirect(back);
  return viewer;
}
