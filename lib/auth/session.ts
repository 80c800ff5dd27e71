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
