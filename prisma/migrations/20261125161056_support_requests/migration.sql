-- CreateEnum
CREATE TYPE "SupportReason" AS ENUM ('RECEIPT_NOT_RECEIVED', 'WRONG_EMAIL', 'SPLIT_PAYMENT_MISTAKE', 'WRONG_INVOICE_DATA', 'TECHNICAL_ERROR', 'OTHER');

-- CreateEnum
CREATE TYPE "SupportRequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "category" "StaffRole" NOT NULL,
    "reason" "SupportReason" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "customerCode" TEXT,
    "invoiceNumber" TEXT,
    "message" TEXT NOT NULL,
    "status" "SupportRequestStatus" NOT NULL DEFAULT 'OPEN',
    "customerId" UUID,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupportRequest_number_key" ON "SupportRequest"("number");

-- CreateIndex
CREATE INDEX "SupportRequest_category_status_createdAt_idx" ON "SupportRequest"("category", "status", "createdAt");

-- CreateIndex
CREATE INDEX "SupportRequest_customerId_idx" ON "SupportRequest"("customerId");

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
