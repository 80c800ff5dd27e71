import type Stripe from "stripe";

/**
 * Minimal stand-ins for Checkout's page and Stripe's 3-D Secure test page, so that a browser can
 * play the customer against the fake too. Tests play it through the JSON endpoints instead.
 */
const euro = (cents: number | null) => (cents === null ? "" : new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" }).format(cents / 100));
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function checkoutPage(session: Stripe.Checkout.Session): string {
  const title = session.mode === "setup" ? "Salva la carta" : `Paga ${euro(session.amount_total)}`;
  if (session.status !== "open") return page("Sessione chiusa", `<p>Questa sessione di pagamento non è più aperta.</p>`);
  return page(title, `<form method="post">
<label>Numero della carta <input name="number" autocomplete="off" inputmode="numeric"></label>
<label>Scadenza (MM/AA) <input name="expiry" autocomplete="off"></label>
<label>CVC <input name="cvc" autocomplete="off"></label>
<label>Nome sulla carta <input name="holder"></label>
<button type="submit">${escape(title)}</button></form>${session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Torna al sito</a></p>` : ""}`);
}

export function threeDSecurePage(intentId: string): string {
  return page("3D Secure 2 Test Page", `<p>${escape(intentId)}</p><form method="post"><button name="result" value="complete">Complete</button> <button name="result" value="fail">Fail</button></form>`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escape(title)} – Stripe (fake)</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}
