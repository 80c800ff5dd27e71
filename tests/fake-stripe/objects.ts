import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import type { TestCard } from "./cards";

/**
 * Builders of the Stripe objects the fake keeps, typed with the SDK's own types: the compiler
 * holds every field to the shape of the API version the SDK pins. Fields the area never uses are
 * filled as Stripe fills them for a card payment in test mode (mostly null).
 */

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;

export function customer(created: number, metadata: Stripe.Metadata): Stripe.Customer {
  return {
    id: newId("cus"), object: "customer", balance: 0, created, default_source: null, description: null, email: null,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false, metadata, shipping: null,
  };
}

export function paymentMethod(card: TestCard, created: number, holder: string | null, expiry: { month: number; year: number }): Stripe.PaymentMethod {
  return {
    id: newId("pm"), object: "payment_method", created, customer: null, customer_account: null, livemode: false, metadata: {}, type: "card",
    allow_redisplay: "unspecified",
    billing_details: { address: null, email: null, name: holder, phone: null, tax_id: null },
    card: {
      brand: card.brand, checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" }, country: "IT",
      display_brand: card.brand, exp_month: expiry.month, exp_year: expiry.year, fingerprint: newId("fp").slice(3, 19), funding: "credit",
      generated_from: null, last4: card.number.slice(-4), networks: { available: [card.brand], preferred: null }, regulated_status: "unregulated",
      three_d_secure_usage: { supported: true }, wallet: null,
    },
  };
}

type IntentBase = { amount: number; created: number; customer: string | null; description: string | null; metadata: Stripe.Metadata; paymentMethod: string | null };

export function paymentIntent(p: IntentBase & { setupFutureUsage: Stripe.PaymentIntent.SetupFutureUsage | null }): Stripe.PaymentIntent {
  const id = newId("pi");
  return {
    id, object: "payment_intent", allowed_payment_method_types: ["card"], amount: p.amount, amount_capturable: 0, amount_received: 0,
    application: null, application_fee_amount: null, automatic_payment_methods: null, canceled_at: null, cancellation_reason: null,
    capture_method: "automatic", client_secret: `${id}_secret_${randomBytes(8).toString("hex")}`, confirmation_method: "automatic",
    created: p.created, currency: "eur", customer: p.customer, customer_account: null, description: p.description,
    excluded_payment_method_types: null, last_payment_error: null, latest_charge: null, livemode: false, managed_payments: null,
    metadata: p.metadata, next_action: null, on_behalf_of: null, payment_method: p.paymentMethod, payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } }, payment_method_types: ["card"], payment_record: null,
    processing: null, receipt_email: null, review: null, setup_future_usage: p.setupFutureUsage, shipping: null, source: null,
    statement_descriptor: null, statement_descriptor_suffix: null, status: "requires_payment_method", transfer_group: null,
  };
}

export function setupIntent(p: Omit<IntentBase, "amount">): Stripe.SetupIntent {
  const id = newId("seti");
  return {
    id, object: "setup_intent", allowed_payment_method_types: ["card"], application: null, automatic_payment_methods: null,
    cancellation_reason: null, client_secret: `${id}_secret_${randomBytes(8).toString("hex")}`, created: p.created, customer: p.customer,
    description: p.description, excluded_payment_method_types: null, last_setup_error: null, latest_attempt: null, livemode: false,
    mandate: null, metadata: p.metadata, next_action: null, on_behalf_of: null, payment_method: p.paymentMethod,
    payment_method_configuration_details: null, payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: ["card"], single_use_mandate: null, status: "requires_payment_method", usage: "off_session",
  };
}

export function checkoutSession(p: {
  mode: "payment" | "setup"; created: number; expiresAt: number; amount: number | null; customer: string | null; url: string;
  successUrl: string | null; cancelUrl: string | null; metadata: Stripe.Metadata; clientReferenceId: string | null;
}): Stripe.Checkout.Session {
  return {
    id: newId("cs_test"), object: "checkout.session", adaptive_pricing: null, after_expiration: null, allow_promotion_codes: null,
    allowed_payment_method_types: ["card"], amount_subtotal: p.amount, amount_total: p.amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null }, billing_address_collection: null,
    cancel_url: p.cancelUrl, client_reference_id: p.clientReferenceId, client_secret: null, collected_information: null, consent: null,
    consent_collection: null, created: p.created, currency: "eur", currency_conversion: null, custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null }, customer: p.customer,
    customer_account: null, customer_creation: p.customer ? null : "if_required", customer_details: null, customer_email: null, discounts: [],
    expires_at: p.expiresAt, integration_identifier: null, invoice: null, invoice_creation: null, livemode: false, locale: null,
    managed_payments: null, metadata: p.metadata, mode: p.mode, origin_context: null, payment_intent: null, payment_link: null,
    payment_method_collection: "always", payment_method_configuration_details: null, payment_method_options: null, payment_method_types: ["card"],
    payment_status: p.mode === "setup" ? "no_payment_required" : "unpaid", permissions: null, recovered_from: null,
    saved_payment_method_options: null, setup_intent: null, shipping_address_collection: null, shipping_cost: null, shipping_options: [],
    status: "open", submit_type: null, subscription: null, success_url: p.successUrl, total_details: p.amount === null ? null : { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted", url: p.url, wallet_options: null,
  };
}

export function charge(intent: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, created: number, failure: { code: string; message: string } | null): Stripe.Charge {
  const paid = failure === null;
  return {
    id: newId("ch"), object: "charge", amount: intent.amount, amount_captured: paid ? intent.amount : 0, amount_refunded: 0, application: null,
    application_fee: null, application_fee_amount: null, balance_transaction: paid ? newId("txn") : null, billing_details: pm.billing_details,
    calculated_statement_descriptor: "AREA CLIENTI", captured: paid, created, currency: "eur", customer: typeof intent.customer === "string" ? intent.customer : null,
    description: intent.description, disputed: false, failure_balance_transaction: null, failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null, fraud_details: {}, livemode: false,
    // Stripe copies the PaymentIntent's metadata to the charge it creates (once, at confirmation).
    metadata: { ...intent.metadata }, on_behalf_of: null, outcome: null, paid, payment_intent: intent.id, payment_method: pm.id,
    payment_method_details: null, receipt_email: null, receipt_number: null, receipt_url: null, refunded: false, review: null, shipping: null,
    source: null, source_transfer: null, statement_descriptor: null, statement_descriptor_suffix: null, status: paid ? "succeeded" : "failed",
    transfer_data: null, transfer_group: null,
  };
}

export function refund(ch: Stripe.Charge, amount: number, created: number, metadata: Stripe.Metadata): Stripe.Refund {
  return {
    id: newId("re"), object: "refund", amount, balance_transaction: newId("txn"), charge: ch.id, created, currency: "eur",
    customer: typeof ch.customer === "string" ? ch.customer : null, customer_account: null, metadata, payment_intent: ch.payment_intent,
    payment_method: ch.payment_method, reason: null, receipt_number: null, source_transfer_reversal: null, status: "succeeded", transfer_reversal: null,
  };
}

/** Each event type's object, as the SDK types it (checkout.session.completed → Checkout.Session, …). */
export type EventObject = { [E in Stripe.Event as E["type"]]: E["data"]["object"] };

export function event<T extends Stripe.Event["type"]>(type: T, object: EventObject[T], created: number, idempotencyKey: string | null): Stripe.Event {
  const built: EventBase = {
    id: newId("evt"), object: "event", api_version: "2026-10-28.endive", created, livemode: false, pending_webhooks: 1,
    request: { id: newId("req"), idempotency_key: idempotencyKey }, type, data: { object: structuredClone(object) },
  };
  return built as Stripe.Event;
}

type EventBase = Omit<Stripe.Event, "type" | "data"> & { type: Stripe.Event["type"]; data: { object: object } };
