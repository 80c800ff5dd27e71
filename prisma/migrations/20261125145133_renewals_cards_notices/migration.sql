-- AlterTable
ALTER TABLE "CeilingConsent" ADD COLUMN     "verificationId" UUID;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "autoChargeStage" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "renewalKey" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "offSession" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CardVerification" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'CREATED',
    "idempotencyKey" TEXT NOT NULL,
    "gatewaySessionId" TEXT,
    "forRenewals" BOOLEAN NOT NULL DEFAULT false,
    "cardId" UUID,
    "failureReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "CardVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CardVerification_idempotencyKey_key" ON "CardVerification"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "CardVerification_gatewaySessionId_key" ON "CardVerification"("gatewaySessionId");

-- CreateIndex
CREATE INDEX "CardVerification_customerId_createdAt_idx" ON "CardVerification"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "CardVerification_status_updatedAt_idx" ON "CardVerification"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_key_key" ON "Notice"("key");

-- CreateIndex
CREATE INDEX "Notice_customerId_idx" ON "Notice"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CeilingConsent_verificationId_key" ON "CeilingConsent"("verificationId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_renewalKey_key" ON "Order"("renewalKey");

-- CreateIndex
CREATE INDEX "Service_status_expiresAt_idx" ON "Service"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "CeilingConsent" ADD CONSTRAINT "CeilingConsent_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "CardVerification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardVerification" ADD CONSTRAINT "CardVerification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardVerification" ADD CONSTRAINT "CardVerification_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
