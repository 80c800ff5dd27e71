import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handleVerificationReturn } from "@/lib/cards/returns";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where the bank sends the browser back after a card verification. The query is checked but never
// trusted: the bank is asked, then Metodi di pagamento shows the outcome. Another customer's or a
// malformed id is "not found".
export default async function VerificationReturnPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const result = await handleVerificationReturn({ verificationId: id, viewer, query: search });
  if (!result) notFound();
  redirect(`/metodi-di-pagamento?verifica=${id}`);
}
