import "server-only";
import { Prisma } from "@/lib/db";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { now } from "@/lib/clock";
import { GatewayError } from "../errors";
import { checkAmount, checkText } from "../input-checks";

export type RefundInput = { chargeId: string; amountCents: number; idempotencyKey: string };
export type RefundResult = { refundId: string; refundedCents: number };

function sameRefund(existing: { id: string; chargeId: string; amountCents: number }, input: RefundInput): RefundResult {
  if (existing.chargeId !== input.chargeId || existing.amountCents !== input.amountCents) {
    throw new GatewayError("idempotency_conflict", "idempotencyKey was already used for a different refund");
  }
  return { refundId: existing.id, refundedCents: existing.amountCents };
}

/**
 * Refunds part or all of a succeeded charge; `refundedCents` is the amount of this refund. The
 * total can never pass the amount charged: the running total moves in one conditional UPDATE,
 * which concurrent refunds of the same charge take in turn. The same key returns the same refund.
 */
export async function refund(input: RefundInput): Promise<RefundResult> {
  checkAmount(input.amountCents, 1);
  checkText(input.idempotencyKey, "idempotencyKey");
  if (!isUuid(input.chargeId)) throw new GatewayError("charge_not_found", "no such charge");

  const previous = await db.gwRefund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (previous) return sameRefund(previous, input);

  return db.$transaction(async (tx) => {
    const charge = await tx.gwCharge.findUnique({ where: { id: input.chargeId }, select: { status: true, amountCents: true } });
    if (!charge) throw new GatewayError("charge_not_found", "no such charge");
    if (charge.status !== "SUCCEEDED" || charge.amountCents === 0) throw new GatewayError("charge_not_refundable", "only a succeeded payment can be refunded");

    const [created] = await tx.gwRefund.createManyAndReturn({
      data: [{ chargeId: input.chargeId, amountCents: input.amountCents, idempotencyKey: input.idempotencyKey, createdAt: now() }],
      skipDuplicates: true,
    });
    // The same key, committed by a concurrent request meanwhile.
    if (!created) return sameRefund(await tx.gwRefund.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }), input);

    const moved = await tx.$executeRaw(Prisma.sql`
      UPDATE "GwCharge" SET "refundedCents" = "refundedCents" + ${input.amountCents}
      WHERE id = CAST(${input.chargeId} AS uuid) AND status = 'SUCCEEDED'
        AND "refundedCents" + ${input.amountCents} <= "amountCents"`);
    if (moved === 0) throw new GatewayError("refund_exceeds_charge", "the refunds would exceed the amount charged");
    return { refundId: created.id, refundedCents: created.amountCents };
  });
}
