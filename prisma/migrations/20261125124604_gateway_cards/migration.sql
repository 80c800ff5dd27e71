-- DropIndex
DROP INDEX "GwCard_merchantCustomerRef_fingerprint_idx";

-- AlterTable
ALTER TABLE "GwCharge" ALTER COLUMN "cardToken" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "GwCard_merchantCustomerRef_fingerprint_key" ON "GwCard"("merchantCustomerRef", "fingerprint");
