import { GatewayError } from "./errors";
import type { HostedSessionInput, SavedCardChargeInput } from "./types";

/**
 * What every bank behind the interface refuses before doing anything: a request the area should
 * never make (`GatewayError("invalid_request")`), not a payment the bank declines.
 */

export function checkText(value: unknown, field: string, max = 200) {
  if (typeof value !== "string" || value.trim() === "" || value.length > max) {
    throw new GatewayError("invalid_request", `${field} must be a non-empty string of at most ${max} characters`);
  }
}

export function checkAmount(value: unknown, min: number) {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new GatewayError("invalid_request", `amountCents must be an integer of at least ${min}`);
  }
}

/** Return and notify URLs: a path of the merchant's site, or an absolute http(s) URL. */
export function checkMerchantUrl(value: string | undefined, field: string, required: boolean) {
  if (value === undefined || value === "") {
    if (required) throw new GatewayError("invalid_request", `${field} is required`);
    return;
  }
  if (/^\/(?![/\\])/.test(value)) return;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new GatewayError("invalid_request", `${field} must be a path or an http(s) URL`);
  }
}

export function checkHostedSessionInput(input: HostedSessionInput) {
  if (input.kind !== "PAYMENT" && input.kind !== "VERIFY") throw new GatewayError("invalid_request", "kind must be PAYMENT or VERIFY");
  if (input.kind === "VERIFY" && input.amountCents !== 0) throw new GatewayError("invalid_request", "a VERIFY session has amountCents 0");
  if (input.kind === "PAYMENT") checkAmount(input.amountCents, 1);
  if (input.currency !== "EUR") throw new GatewayError("invalid_request", "currency must be EUR");
  checkText(input.merchantRef, "merchantRef");
  checkText(input.merchantCustomerRef, "merchantCustomerRef");
  checkText(input.idempotencyKey, "idempotencyKey");
  checkText(input.description, "description");
  if (typeof input.saveCard !== "boolean") throw new GatewayError("invalid_request", "saveCard must be a boolean");
  checkMerchantUrl(input.returnUrl, "returnUrl", true);
  checkMerchantUrl(input.notifyUrl, "notifyUrl", false);
}

export function checkSavedCardChargeInput(input: SavedCardChargeInput) {
  checkAmount(input.amountCents, 1);
  if (input.currency !== "EUR") throw new GatewayError("invalid_request", "currency must be EUR");
  if (input.initiator !== "CIT" && input.initiator !== "MIT") throw new GatewayError("invalid_request", "initiator must be CIT or MIT");
  checkText(input.cardToken, "cardToken");
  checkText(input.merchantRef, "merchantRef");
  checkText(input.merchantCustomerRef, "merchantCustomerRef");
  checkText(input.description, "description");
  checkText(input.idempotencyKey, "idempotencyKey");
  // The customer is present for a CIT charge, so it must say where a challenge sends them back.
  checkMerchantUrl(input.returnUrl, "returnUrl", input.initiator === "CIT");
  checkMerchantUrl(input.notifyUrl, "notifyUrl", false);
}

/** A path of the merchant's own site (the area) as an absolute URL: APP_URL, then NEXTAUTH_URL. */
export function merchantUrl(pathOrUrl: string, env: Record<string, string | undefined> = process.env): string {
  const base = env.APP_URL?.trim() || env.NEXTAUTH_URL?.trim() || "http://127.0.0.1:3000";
  return new URL(pathOrUrl, base).toString();
}
