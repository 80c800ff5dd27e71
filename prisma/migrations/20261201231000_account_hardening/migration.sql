-- AlterTable
ALTER TABLE "AccountToken" ADD COLUMN     "cancelTokenHash" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "secondStepBlockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TotpFactor" ADD COLUMN     "setupSessionId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_cancelTokenHash_key" ON "AccountToken"("cancelTokenHash");
