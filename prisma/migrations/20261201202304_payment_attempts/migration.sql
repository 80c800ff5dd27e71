-- CreateEnum
CREATE TYPE "AttemptPurpose" AS ENUM ('ORDER', 'INVOICE', 'CARD_CHECK');

-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'REFUND_PENDING';

-- CreateTable
CREATE TABLE "Attempt" (
    "id" UUID NOT NULL,
    "purpose" "AttemptPurpose" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'CREATED',
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "idempotencyKey" TEXT NOT NULL,
    "offSession" BOOLEAN NOT NULL DEFAULT false,
    "gatewaySessionId" TEXT,
    "gatewayChargeId" TEXT,
    "activeKey" TEXT,
    "settledKey" TEXT,
    "cardBrand" TEXT,
    "cardLast4" TEXT,
    "failureReason" TEXT,
    "sentAt" TIMESTAMP(3),
    "recheckUntil" TIMESTAMP(3),
    "chargedCents" INTEGER,
    "refundOwedAt" TIMESTAMP(3),
    "refundReason" TEXT,
    "refundChargeId" TEXT,
    "refundKey" TEXT,
    "refundTries" INTEGER NOT NULL DEFAULT 0,
    "refundNextAt" TIMESTAMP(3),
    "refundError" TEXT,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "refundedAt" TIMESTAMP(3),
    "refundId" TEXT,
    "settleFailures" INTEGER NOT NULL DEFAULT 0,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_idempotencyKey_key" ON "Attempt"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_gatewaySessionId_key" ON "Attempt"("gatewaySessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_gatewayChargeId_key" ON "Attempt"("gatewayChargeId");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_activeKey_key" ON "Attempt"("activeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_settledKey_key" ON "Attempt"("settledKey");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_refundKey_key" ON "Attempt"("refundKey");

-- CreateIndex
CREATE INDEX "Attempt_status_updatedAt_idx" ON "Attempt"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Attempt_recheckUntil_idx" ON "Attempt"("recheckUntil");

-- CreateIndex
CREATE INDEX "Attempt_refundNextAt_idx" ON "Attempt"("refundNextAt");

-- Move every attempt's lifecycle into "Attempt" (same id), before the old columns go.
INSERT INTO "Attempt" ("id", "purpose", "status", "amountCents", "currency", "idempotencyKey", "offSession", "gatewaySessionId", "gatewayChargeId",
  "activeKey", "settledKey", "failureReason", "sentAt", "refundOwedAt", "refundReason", "refundedCents", "refundedAt", "ip", "userAgent", "createdAt", "updatedAt", "settledAt")
SELECT "id", 'ORDER', "status", "amountCents", "currency", "idempotencyKey", "offSession", "gatewaySessionId", "gatewayChargeId",
  CASE WHEN "activeOrderId" IS NULL OR "status" IN ('SUCCEEDED', 'FAILED') THEN NULL ELSE 'order:' || "activeOrderId" END,
  CASE WHEN "succeededOrderId" IS NULL THEN NULL ELSE 'order:' || "succeededOrderId" END,
  "failureReason", CASE WHEN "status" <> 'CREATED' THEN "createdAt" END,
  CASE WHEN "failureReason" = 'refunded_duplicate' THEN "updatedAt" END,
  CASE WHEN "failureReason" = 'refunded_duplicate' THEN 'settles_nothing' END,
  CASE WHEN "failureReason" = 'refunded_duplicate' THEN "amountCents" ELSE 0 END,
  CASE WHEN "failureReason" = 'refunded_duplicate' THEN "updatedAt" END,
  "ip", "userAgent", "createdAt", "updatedAt", "settledAt"
FROM "Payment";

INSERT INTO "Attempt" ("id", "purpose", "status", "amountCents", "currency", "idempotencyKey", "gatewaySessionId", "gatewayChargeId",
  "activeKey", "settledKey", "cardBrand", "cardLast4", "failureReason", "sentAt", "refundOwedAt", "refundReason", "refundedCents", "refundedAt", "ip", "userAgent", "createdAt", "updatedAt", "settledAt")
SELECT "id", 'INVOICE', "status", "amountCents", "currency", "idempotencyKey", "gatewaySessionId", "gatewayChargeId",
  CASE WHEN "activeInvoiceId" IS NULL OR "status" IN ('SUCCEEDED', 'FAILED') THEN NULL ELSE 'invoice:' || "activeInvoiceId" END,
  CASE WHEN "succeededBalanceKey" IS NULL THEN NULL ELSE 'invoice:' || "succeededBalanceKey" END,
  "cardBrand", "cardLast4", "failureReason", CASE WHEN "status" IN ('SENT', 'REQUIRES_ACTION') THEN "updatedAt" WHEN "status" = 'SUCCEEDED' THEN "createdAt" END,
  "refundedAt", CASE WHEN "refundedAt" IS NULL THEN NULL WHEN "status" = 'SUCCEEDED' THEN 'staff' ELSE 'settles_nothing' END,
  "refundedCents", "refundedAt", "ip", "userAgent", "createdAt", "updatedAt", "settledAt"
FROM "InvoicePayment";

INSERT INTO "Attempt" ("id", "purpose", "status", "amountCents", "idempotencyKey", "gatewaySessionId", "failureReason", "sentAt", "ip", "userAgent", "createdAt", "updatedAt", "settledAt")
SELECT "id", 'CARD_CHECK', "status", 0, "idempotencyKey", "gatewaySessionId", "failureReason", CASE WHEN "status" <> 'CREATED' THEN "createdAt" END,
  "ip", "userAgent", "createdAt", "updatedAt", "settledAt"
FROM "CardVerification";

-- A refund Amministrazione decided and the old job had not finished is now owed on its attempt,
-- under the old job's key: if the bank already made it, asking again returns that same refund.
UPDATE "Attempt" SET "refundOwedAt" = CURRENT_TIMESTAMP, "refundReason" = 'staff', "refundNextAt" = CURRENT_TIMESTAMP
WHERE "refundedAt" IS NULL AND "id" IN (SELECT ("payload"->>'invoicePaymentId')::uuid FROM "Job" WHERE "type" = 'invoices.refund');
DELETE FROM "Job" WHERE "type" = 'invoices.refund';
-- Refunds made (or owed) before: the keys the old code used, per staff decision and per charge.
UPDATE "Attempt" SET "refundKey" = 'invoice-refund:' || "id", "refundChargeId" = "gatewayChargeId" WHERE "refundReason" = 'staff';
UPDATE "Attempt" SET "refundKey" = 'refund-orphan-' || "gatewayChargeId", "refundChargeId" = "gatewayChargeId"
WHERE "refundReason" = 'settles_nothing' AND "gatewayChargeId" IS NOT NULL;

-- CeilingConsent: one reference to the attempt that brings the card.
ALTER TABLE "CeilingConsent" ADD COLUMN "attemptId" UUID;
UPDATE "CeilingConsent" SET "attemptId" = COALESCE("paymentId", "verificationId");

-- How a payment in the wrong regime was settled, from the audit log.
ALTER TABLE "InvoicePayment" ADD COLUMN "settlement" TEXT;
UPDATE "InvoicePayment" SET "settlement" = 'vat' WHERE "id"::text IN (SELECT "entityId" FROM "AuditLog" WHERE "action" = 'invoice.vat_balance_opened');
UPDATE "InvoicePayment" SET "settlement" = 'refund' WHERE "id"::text IN (SELECT "entityId" FROM "AuditLog" WHERE "action" = 'invoice.refund_requested');

-- An ordinary invoice paid in Split Payment that Amministrazione had not settled yet was PAID at
-- that payment's balance: now its VAT is still owed, as a new success would leave it.
UPDATE "Invoice" i SET "status" = 'PARTIALLY_PAID', "balanceCents" = i."vatCents", "balanceSeq" = i."balanceSeq" + 1, "paidAt" = NULL
FROM "InvoicePayment" p JOIN "Attempt" a ON a."id" = p."id"
WHERE p."invoiceId" = i."id" AND i."status" = 'PAID' AND i."splitPayment" = false AND p."regime" = 'SPLIT_PAYMENT'
  AND p."balanceSeq" = i."balanceSeq" AND p."settlement" IS NULL AND a."status" = 'SUCCEEDED' AND a."refundOwedAt" IS NULL;

-- DropForeignKey
ALTER TABLE "CeilingConsent" DROP CONSTRAINT "CeilingConsent_verificationId_fkey";

-- DropIndex
DROP INDEX "CardVerification_customerId_createdAt_idx";

-- DropIndex
DROP INDEX "CardVerification_gatewaySessionId_key";

-- DropIndex
DROP INDEX "CardVerification_idempotencyKey_key";

-- DropIndex
DROP INDEX "CardVerification_status_updatedAt_idx";

-- DropIndex
DROP INDEX "CeilingConsent_paymentId_key";

-- DropIndex
DROP INDEX "CeilingConsent_verificationId_key";

-- DropIndex
DROP INDEX "InvoicePayment_activeInvoiceId_key";

-- DropIndex
DROP INDEX "InvoicePayment_gatewayChargeId_key";

-- DropIndex
DROP INDEX "InvoicePayment_gatewaySessionId_key";

-- DropIndex
DROP INDEX "InvoicePayment_idempotencyKey_key";

-- DropIndex
DROP INDEX "InvoicePayment_status_updatedAt_idx";

-- DropIndex
DROP INDEX "InvoicePayment_succeededBalanceKey_key";

-- DropIndex
DROP INDEX "Payment_activeOrderId_key";

-- DropIndex
DROP INDEX "Payment_gatewayChargeId_key";

-- DropIndex
DROP INDEX "Payment_gatewaySessionId_key";

-- DropIndex
DROP INDEX "Payment_idempotencyKey_key";

-- DropIndex
DROP INDEX "Payment_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Payment_succeededOrderId_key";

-- AlterTable
ALTER TABLE "CardVerification" DROP COLUMN "createdAt",
DROP COLUMN "failureReason",
DROP COLUMN "gatewaySessionId",
DROP COLUMN "idempotencyKey",
DROP COLUMN "ip",
DROP COLUMN "settledAt",
DROP COLUMN "status",
DROP COLUMN "updatedAt",
DROP COLUMN "userAgent";

-- AlterTable
ALTER TABLE "CeilingConsent" DROP COLUMN "paymentId",
DROP COLUMN "verificationId";

-- AlterTable
ALTER TABLE "GwSession" ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "InvoicePayment" DROP COLUMN "activeInvoiceId",
DROP COLUMN "amountCents",
DROP COLUMN "cardBrand",
DROP COLUMN "cardLast4",
DROP COLUMN "createdAt",
DROP COLUMN "currency",
DROP COLUMN "failureReason",
DROP COLUMN "gatewayChargeId",
DROP COLUMN "gatewaySessionId",
DROP COLUMN "idempotencyKey",
DROP COLUMN "ip",
DROP COLUMN "refundedAt",
DROP COLUMN "refundedCents",
DROP COLUMN "settledAt",
DROP COLUMN "status",
DROP COLUMN "succeededBalanceKey",
DROP COLUMN "updatedAt",
DROP COLUMN "userAgent";

-- AlterTable
ALTER TABLE "Payment" DROP COLUMN "activeOrderId",
DROP COLUMN "amountCents",
DROP COLUMN "createdAt",
DROP COLUMN "currency",
DROP COLUMN "failureReason",
DROP COLUMN "gatewayChargeId",
DROP COLUMN "gatewaySessionId",
DROP COLUMN "idempotencyKey",
DROP COLUMN "ip",
DROP COLUMN "offSession",
DROP COLUMN "settledAt",
DROP COLUMN "status",
DROP COLUMN "succeededOrderId",
DROP COLUMN "updatedAt",
DROP COLUMN "userAgent",
ADD COLUMN     "mailboxLogin" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "CardVerification_customerId_idx" ON "CardVerification"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CeilingConsent_attemptId_key" ON "CeilingConsent"("attemptId");

-- CreateIndex
CREATE INDEX "CeilingConsent_cardId_createdAt_idx" ON "CeilingConsent"("cardId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_customerId_idx" ON "Payment"("customerId");

-- AddForeignKey
ALTER TABLE "CeilingConsent" ADD CONSTRAINT "CeilingConsent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_id_fkey" FOREIGN KEY ("id") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardVerification" ADD CONSTRAINT "CardVerification_id_fkey" FOREIGN KEY ("id") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_id_fkey" FOREIGN KEY ("id") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
