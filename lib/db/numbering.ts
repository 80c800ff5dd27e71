import "server-only";
import { now } from "@/lib/clock";
import { romeWall } from "@/lib/renewals/schedule";
import { Prisma, type Tx } from "./index";

/** The tables whose rows carry a human number "<PREFIX>-<year>-<6 digits>", each with its own lock. */
const numbered = {
  Order: { prefix: "ORD", lock: 4_110_001 },
  SupportRequest: { prefix: "RA", lock: 4_110_002 },
  Invoice: { prefix: "FT", lock: 4_110_003 },
  Receipt: { prefix: "QT", lock: 4_110_004 },
} as const;

/**
 * The next number of the (Italian) year after the highest one in `table`, e.g. ORD-2026-000124.
 * Takes a transaction-scoped advisory lock per table, so that concurrent writers never compute
 * the same number (the unique `number` column would refuse the loser anyway). The lock is held
 * until the transaction ends: take it as late as possible in the transaction.
 */
export async function nextYearlyNumber(tx: Tx, table: keyof typeof numbered): Promise<string> {
  return (await nextYearlyNumbers(tx, table, 1))[0];
}

/** `count` consecutive numbers for a batch of rows written in the same transaction, under one lock. */
export async function nextYearlyNumbers(tx: Tx, table: keyof typeof numbered, count: number): Promise<string[]> {
  const { prefix: kind, lock } = numbered[table];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lock}::bigint)`;
  const prefix = `${kind}-${romeWall(now()).year}-`;
  const rows = await tx.$queryRaw<{ number: string }[]>`
    SELECT "number" FROM ${Prisma.raw(`"${table}"`)}
    WHERE "number" BETWEEN ${`${prefix}000000`} AND ${`${prefix}999999`} AND "number" ~ ${`^${prefix}[0-9]{6}$`}
    ORDER BY "number" DESC LIMIT 1`;
  const last = rows[0] ? Number(rows[0].number.slice(prefix.length)) : 0;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(last + 1 + i).padStart(6, "0")}`);
}
