import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { billingInput, type BillingInput } from "./billing-rules";
import { AccountError } from "./errors";
import type { Client } from "./notify";
import { consumeChangeAllowance } from "./reauth";

export async function getBillingProfile(customerId: string): Promise<BillingInput | null> {
  const row = await db.billingProfile.findUnique({ where: { customerId }, select: { sdiCode: true, invoicePec: true, street: true, postalCode: true, city: true, province: true, country: true } });
  return row && { ...row, invoicePec: row.invoicePec ?? undefined, province: row.province ?? undefined };
}

/** "Dati di fatturazione": checked with the SDI's rules (billing-rules.ts) for this kind of customer, audited. */
export async function saveBillingProfile(opts: { customerId: string; input: unknown; client?: Client }): Promise<BillingInput> {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: opts.customerId }, select: { publicBody: true } });
  const parsed = billingInput(customer.publicBody).safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await consumeChangeAllowance({ customerId: opts.customerId });
  const data = { ...parsed.data, invoicePec: parsed.data.invoicePec ?? null, province: parsed.data.province ?? null };
  await db.$transaction(async (tx) => {
    await tx.billingProfile.upsert({ where: { customerId: opts.customerId }, create: { customerId: opts.customerId, ...data }, update: data });
    await writeAudit(tx, { actor: actorOf.customer(opts.customerId), action: "account.billing_updated", entity: "customer", entityId: opts.customerId, data, ip: opts.client?.ip, userAgent: opts.client?.userAgent?.slice(0, 500) });
  });
  return parsed.data;
}
