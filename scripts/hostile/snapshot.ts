/**
 * "No state change": a checksum of every table, taken before and after the hostile requests.
 * Left out, and only their growth reported:
 * - RateLimit: a well-formed but failed login, invoice look-up or list request is counted, by
 *   design (a random input that happens to be well formed may do it);
 * - _prisma_migrations: not application data.
 * And two columns: UserSession's lastSeenAt and expiresAt, which a request moves on by design
 * (at most every five minutes, lib/auth/session-registry.ts); a session signed out still shows.
 * Everything else (customers, services, orders, payments, cards, consents, invoices, receipts,
 * support requests, jobs, e-mails, the audit log, the sandbox bank's Gw* tables…) must be
 * byte-for-byte equal.
 */
import { createHash } from "node:crypto";
import pg from "pg";

export const EXCLUDED_TABLES = ["RateLimit", "_prisma_migrations"];
const EXCLUDED_COLUMNS: Record<string, string[]> = { UserSession: ["lastSeenAt", "expiresAt"] };

/** Business-table checksums, and the row counts of the excluded tables (reported, not compared). */
export async function snapshot(url: string): Promise<Map<string, string> & { excludedRows?: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const sums: Map<string, string> & { excludedRows?: Record<string, number> } = new Map<string, string>();
    sums.excludedRows = {};
    for (const { name } of tables) {
      if (EXCLUDED_TABLES.includes(name)) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}"`);
        sums.excludedRows[name] = rows[0].n;
        continue;
      }
      const minus = (EXCLUDED_COLUMNS[name] ?? []).map((c) => ` - '${c}'`).join("");
      const { rows } = await client.query<{ row: string }>(`SELECT ${minus ? `(to_jsonb(t)${minus})::text` : "t::text"} AS row FROM "${name.replace(/"/g, '""')}" t`);
      const hash = createHash("sha256");
      for (const r of rows.map((x) => x.row).sort()) hash.update(r).update("\n");
      sums.set(name, `${rows.length}:${hash.digest("hex").slice(0, 16)}`);
    }
    return sums;
  } finally {
    await client.end();
  }
}

/** "RateLimit +12, AuditLog +0": what the excluded tables took meanwhile. */
export function excludedGrowth(before: { excludedRows?: Record<string, number> }, after: { excludedRows?: Record<string, number> }): string {
  return Object.entries(after.excludedRows ?? {}).filter(([name]) => name !== "_prisma_migrations").map(([name, n]) => `${name} +${n - (before.excludedRows?.[name] ?? 0)}`).join(", ");
}

/** The tables whose checksum differs, with row counts before → after. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).map((n) => `${n} (${before.get(n)?.split(":")[0] ?? "-"} → ${after.get(n)?.split(":")[0] ?? "-"} rows)`);
}
