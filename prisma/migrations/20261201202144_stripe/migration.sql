-- CreateEnum
CREATE TYPE "StripeObjectKind" AS ENUM ('CHECKOUT_SESSION', 'PAYMENT_INTENT');

-- CreateTable
CREATE TABLE "StripeCustomer" (
    "merchantCustomerRef" TEXT NOT NULL,
    "stripeCustomerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeCustomer_pkey" PRIMARY KEY ("merchantCustomerRef")
);

-- CreateTable
CREATE TABLE "StripeObject" (
    "idempotencyKey" TEXT NOT NULL,
    "kind" "StripeObjectKind" NOT NULL,
    "merchantRef" TEXT NOT NULL,
    "stripeCustomerId" TEXT,
    "stripeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeObject_pkey" PRIMARY KEY ("idempotencyKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripeCustomer_stripeCustomerId_key" ON "StripeCustomer"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "StripeObject_stripeId_key" ON "StripeObject"("stripeId");
