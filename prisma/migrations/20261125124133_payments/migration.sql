-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('SAVED_CARD', 'NEW_CARD');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('CREATED', 'SENT', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "GwSessionKind" AS ENUM ('PAYMENT', 'VERIFY');

-- CreateEnum
CREATE TYPE "GwSessionStatus" AS ENUM ('OPEN', 'CONFIRMING', 'CHALLENGE', 'SUCCEEDED', 'FAILED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "GwChargeStatus" AS ENUM ('REQUIRES_ACTION', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "renewalCardId" UUID;

-- CreateTable
CREATE TABLE "Card" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "gatewayToken" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "expMonth" INTEGER NOT NULL,
    "expYear" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CeilingConsent" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "cardId" UUID,
    "paymentId" UUID,
    "amountCents" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CeilingConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "cardId" UUID,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "status" "PaymentStatus" NOT NULL DEFAULT 'CREATED',
    "idempotencyKey" TEXT NOT NULL,
    "gatewaySessionId" TEXT,
    "gatewayChargeId" TEXT,
    "activeOrderId" UUID,
    "succeededOrderId" UUID,
    "failureReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GwCard" (
    "id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "merchantCustomerRef" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "expMonth" INTEGER NOT NULL,
    "expYear" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "behaviour" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GwCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GwSession" (
    "id" UUID NOT NULL,
    "kind" "GwSessionKind" NOT NULL,
    "status" "GwSessionStatus" NOT NULL DEFAULT 'OPEN',
    "merchantRef" TEXT NOT NULL,
    "merchantCustomerRef" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "saveCard" BOOLEAN NOT NULL DEFAULT true,
    "returnUrl" TEXT NOT NULL,
    "notifyUrl" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "cardBrand" TEXT,
    "cardLast4" TEXT,
    "cardExpMonth" INTEGER,
    "cardExpYear" INTEGER,
    "cardHolder" TEXT,
    "cardFingerprint" TEXT,
    "cardBehaviour" TEXT,
    "otpAttempts" INTEGER NOT NULL DEFAULT 0,
    "chargeId" UUID,
    "cardToken" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "GwSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GwCharge" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "merchantRef" TEXT NOT NULL,
    "cardToken" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "initiator" TEXT NOT NULL,
    "status" "GwChargeStatus" NOT NULL,
    "failureReason" TEXT,
    "returnUrl" TEXT,
    "notifyUrl" TEXT,
    "otpAttempts" INTEGER NOT NULL DEFAULT 0,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "GwCharge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GwRefund" (
    "id" UUID NOT NULL,
    "chargeId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GwRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayNotification" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GatewayNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Card_gatewayToken_key" ON "Card"("gatewayToken");

-- CreateIndex
CREATE INDEX "Card_customerId_idx" ON "Card"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CeilingConsent_paymentId_key" ON "CeilingConsent"("paymentId");

-- CreateIndex
CREATE INDEX "CeilingConsent_customerId_createdAt_idx" ON "CeilingConsent"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_gatewaySessionId_key" ON "Payment"("gatewaySessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_gatewayChargeId_key" ON "Payment"("gatewayChargeId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_activeOrderId_key" ON "Payment"("activeOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_succeededOrderId_key" ON "Payment"("succeededOrderId");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE INDEX "Payment_status_updatedAt_idx" ON "Payment"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "GwCard_token_key" ON "GwCard"("token");

-- CreateIndex
CREATE INDEX "GwCard_merchantCustomerRef_fingerprint_idx" ON "GwCard"("merchantCustomerRef", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "GwSession_idempotencyKey_key" ON "GwSession"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "GwSession_chargeId_key" ON "GwSession"("chargeId");

-- CreateIndex
CREATE UNIQUE INDEX "GwCharge_idempotencyKey_key" ON "GwCharge"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "GwRefund_idempotencyKey_key" ON "GwRefund"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_renewalCardId_key" ON "Customer"("renewalCardId");

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_renewalCardId_fkey" FOREIGN KEY ("renewalCardId") REFERENCES "Card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeilingConsent" ADD CONSTRAINT "CeilingConsent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeilingConsent" ADD CONSTRAINT "CeilingConsent_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GwRefund" ADD CONSTRAINT "GwRefund_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "GwCharge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
