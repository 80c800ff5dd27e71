import { notFound } from "next/navigation";
import { connection } from "next/server";
import { devToolsEnabled } from "@/lib/demo/dev-tools";

/**
 * The benchmark's baseline (`npm run bench`): a dynamic page of the same build that renders on
 * every request but touches no session, database or translation, so the report can state how
 * much the area's own work costs on top of Next.js itself.
 */
export default async function BaselinePage() {
  if (!devToolsEnabled()) notFound();
  await connection();
  return (
    <main>
      <h1>Baseline</h1>
      <p>{new Date().toISOString()}</p>
    </main>
  );
}
