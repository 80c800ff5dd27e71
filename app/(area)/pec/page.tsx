import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";

// After a login with a PEC address the customer lands on that mailbox's renewal section.
export default async function PecLandingPage() {
  const viewer = await requireViewer();
  redirect(viewer.pecServiceId ? `/servizi/${viewer.pecServiceId}#rinnovo` : "/");
}
