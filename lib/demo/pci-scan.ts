import "server-only";
import { db } from "@/lib/db";
import { cardNumberPattern } from "./card-numbers";

/**
 * Searches every text and JSON column of every table (the area's and the sandbox bank's) for a
 * card number. PCI DSS SAQ-A: none may ever be stored; the e2e suite calls this after paying.
 */
export async function scanDatabaseForCardNumbers(): Promise<{ table: string; column: string; rows: number }[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json')`;
  const pattern = cardNumberPattern().source;
  const found = [];
  for (const { table_name: table, column_name: column } of columns) {
    // Identifiers come from the catalogue, not from input; quoted all the same.
    const [{ n }] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}" WHERE "${column.replaceAll('"', '""')}"::text ~ $1`, pattern);
    if (Number(n) > 0) found.push({ table, column, rows: Number(n) });
  }
  return found;
}
