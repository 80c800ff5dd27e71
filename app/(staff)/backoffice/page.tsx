import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";

export default async function BackofficeHome() {
  await requireStaff();
  redirect("/backoffice/richieste");
}
