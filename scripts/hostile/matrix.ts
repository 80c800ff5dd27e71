/**
 * The access matrix: every customer page and route of app/(area) (from the build's manifest),
 * filled with mario.rossi's ids, asked with no session, anna.bianchi's and mario's own; every
 * back-office page with nobody, a customer, Supporto Tecnico, Amministrazione and a staff session
 * whose first access is pending; every customer and staff action called with mario's resources by
 * the wrong people. State is checked by the caller's checksum.
 */
import type { HostileClient, Sent } from "./http";
import { fillPattern, type Action, type Page, type Route } from "./targets";

export type MarioIds = {
  order: string; service: string; renewingService: string; invoice: string; receipt: string; receiptInvoice: string; card: string; payment: string; verification: string;
  staffInvoice: string; supportRequest: string; invoicePayment: string; pecOrder: string;
  /** The sessions the run opened for mario and admin (Il mio account's "Esci da questo dispositivo"). */
  marioSession: string; adminSession: string;
};
/**
 * Strings that identify mario.rossi: none may reach anna's answers. Not his customer code or
 * invoice number: the back office's messages, shipped with every page, use them as examples.
 */
export const MARIO_STRINGS = ["mario.rossi", "Mario Rossi", "ORD-2026-000101", "ORD-2026-000102", "FT-2026-000045", "RSSMRA80A01H501U", "mario.rossi@example.it"];

type Expect = "login" | "staff-login" | "staff-setup" | "not-found" | "ok" | "not-found-or-back";
type Cell = { path: string; session?: string; expect: Expect; file?: boolean; mustNotShow?: string[] };

export async function runMatrix(client: HostileClient, targets: { pages: Page[]; routes: Route[]; actions: Action[] }, ids: MarioIds, check: (ok: boolean, what: string) => void) {
  const fill = (pattern: string) =>
    fillPattern(pattern, (name) => {
      if (name === "cardId") return ids.card;
      if (name === "receiptId") return ids.receipt;
      if (pattern.startsWith("/fatture/")) return pattern.includes("/quietanze/") ? ids.receiptInvoice : ids.invoice;
      if (pattern.startsWith("/ordini/")) return ids.order;
      if (pattern.startsWith("/servizi/")) return ids.service;
      if (pattern.startsWith("/pagamenti/")) return ids.payment;
      if (pattern.includes("/verifiche/")) return ids.verification;
      if (pattern.startsWith("/backoffice/richieste/")) return ids.supportRequest;
      if (pattern.startsWith("/backoffice/pagamenti/")) return ids.staffInvoice;
      throw new Error(`matrix: no id for ${pattern}`);
    });
  // Query strings that make the pages look mario's records up too.
  const query = (pattern: string) =>
    pattern === "/ordini/[id]/paga/esito" ? `?pagamento=${ids.payment}` : pattern === "/metodi-di-pagamento" ? `?verifica=${ids.verification}&carta=${ids.card}` : pattern === "/ordini/[id]/paga/massimale" ? `?carta=${ids.card}` : "";

  const area = [...targets.pages, ...targets.routes].filter((t) => t.file.startsWith("app/(area)/")).map((t) => t.pattern);
  const files = new Set(targets.routes.map((r) => r.pattern));
  const staff = targets.pages.filter((t) => t.file.startsWith("app/(staff)/") && t.pattern !== "/backoffice/accesso").map((t) => t.pattern);
  const cells: Cell[] = [];
  for (const pattern of area) {
    const path = fill(pattern) + query(pattern);
    const file = files.has(pattern);
    cells.push({ path, expect: "login", file }, { path, session: "anna", expect: "not-found", file }, { path, session: "mario", expect: "ok", file });
  }
  // mario through his PEC mailbox sees that mailbox only: not his SPID, orders, invoices or cards.
  for (const path of [`/servizi/${ids.service}`, `/fatture/${ids.invoice}`, `/fatture/${ids.invoice}/pdf`, `/fatture/${ids.receiptInvoice}/quietanze/${ids.receipt}`, `/metodi-di-pagamento/${ids.card}/rimuovi`, "/metodi-di-pagamento/nuova-carta", "/il-mio-account/verifica-in-due-passaggi"]) {
    cells.push({ path, session: "marioPec", expect: "not-found-or-back" });
  }
  // Il mio account through the mailbox: the mailbox's part only, none of the account's data.
  cells.push({ path: "/il-mio-account", session: "marioPec", expect: "ok", mustNotShow: ["mario.rossi@example.it", "RSSMRA80A01H501U", "C000123", "Dati di fatturazione"] });
  for (const pattern of staff) {
    const path = fill(pattern);
    // Supporto Tecnico: no Pagamenti at all, and not the request (filed for Amministrazione).
    const notForSupport = pattern.startsWith("/backoffice/pagamenti") || pattern === "/backoffice/richieste/[id]";
    cells.push({ path, expect: "staff-login" }, { path, session: "mario", expect: "not-found" }, { path, session: "supporto", expect: notForSupport ? "not-found" : "ok" }, { path, session: "admin", expect: "ok" });
    // A staff session whose first access is pending opens only the first-access page.
    if (pattern !== "/backoffice/primo-accesso") cells.push({ path, session: "pendingStaff", expect: "staff-setup" });
  }

  const wrong: string[] = [];
  // The PEC login may pay its mailbox's order, but never sees (or may choose) the account's cards.
  for (const path of ["/metodi-di-pagamento", `/ordini/${ids.pecOrder}/paga`]) {
    const answer = await client.send({ method: "GET", path, session: "marioPec" });
    if (answer && (answer.status !== 200 || answer.text.includes("•••• 4242"))) wrong.push(`marioPec GET ${path} → ${answer.status}${answer.text.includes("•••• 4242") ? " (shows the account's Visa)" : ""}, expected the page without the account's cards`);
  }
  for (const cell of cells) {
    const answer = await client.send({ method: "GET", path: cell.path, session: cell.session });
    if (!answer) continue;
    const leaked = cell.session === undefined || cell.session === "anna" ? MARIO_STRINGS.find((s) => answer.text.includes(s)) : cell.mustNotShow?.find((s) => answer.text.includes(s));
    const isList = !cell.path.split("?")[0].match(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const good =
      // Files (the quietanza) answer 404 rather than redirecting a download to the login page.
      cell.expect === "login" ? (isRedirect(answer.status) && /\/login(\?|$)/.test(answer.location)) || (cell.file === true && answer.status === 404)
      // The PEC login: "not found", or sent back to a page it may see (the card pages send it to the list).
      : cell.expect === "not-found-or-back" ? answer.status === 404 || (isRedirect(answer.status) && !/\/login/.test(answer.location))
      : cell.expect === "staff-login" ? isRedirect(answer.status) && answer.location.includes("/backoffice/accesso")
      : cell.expect === "staff-setup" ? isRedirect(answer.status) && answer.location.includes("/backoffice/primo-accesso")
      // A list page (no id in the URL) is the viewer's own list: fine, as long as nothing of mario's is in it.
      : cell.expect === "not-found" ? answer.status === 404 || (isList && cell.session === "anna" && (answer.status === 200 || isRedirect(answer.status)))
      : answer.status === 200 || (isRedirect(answer.status) && !/\/login|\/accesso/.test(answer.location));
    if (!good || leaked) wrong.push(`${cell.session ?? "none"} GET ${cell.path} → ${answer.status} ${answer.location}${leaked ? ` (shows "${leaked}")` : ""}, expected ${cell.expect}`);
  }

  // Actions on mario's resources, by the wrong people. (Their effect is checked by the checksum.)
  const byName = new Map(targets.actions.map((a) => [a.name, a]));
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(`_1_${k}`, v);
    f.set("0", '["$K1"]');
    return f;
  };
  const calls: { action: string; path: string; body: Sent["body"]; sessions: (string | undefined)[] }[] = [
    { action: "switchRenewalAction", path: `/servizi/${ids.renewingService}`, body: { contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ serviceId: ids.renewingService, on: false }]), label: "json-args" }, sessions: [undefined, "anna", "admin"] },
    { action: "setRenewalCardAction", path: `/metodi-di-pagamento/${ids.card}/rinnovi`, body: { body: form({ cardId: ids.card, consenso: "1", importo: "3050" }), label: "form" }, sessions: [undefined, "anna", "admin"] },
    { action: "removeCardAction", path: `/metodi-di-pagamento/${ids.card}/rimuovi`, body: { body: form({ cardId: ids.card, scelta: "disattiva" }), label: "form" }, sessions: [undefined, "anna", "admin"] },
    { action: "payOrderAction", path: `/ordini/${ids.order}/paga/riepilogo`, body: { body: form({ orderId: ids.order, carta: ids.card, consenso: "1" }), label: "form" }, sessions: [undefined, "anna", "admin"] },
    // With mario's mailbox login: the mailbox's own order, but the account's saved card.
    { action: "payOrderAction", path: `/ordini/${ids.pecOrder}/paga/riepilogo`, body: { body: form({ orderId: ids.pecOrder, carta: ids.card }), label: "form" }, sessions: ["marioPec"] },
    { action: "addCardAction", path: "/metodi-di-pagamento/nuova-carta", body: { body: form({ rinnovi: "0" }), label: "form" }, sessions: [undefined, "admin"] },
    { action: "resendReceiptAction", path: `/backoffice/pagamenti/${ids.staffInvoice}`, body: { contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ invoicePaymentId: ids.invoicePayment, to: "attacker@example.it" }]), label: "json-args" }, sessions: [undefined, "mario", "supporto", "pendingStaff"] },
    { action: "settlePaymentAction", path: `/backoffice/pagamenti/${ids.staffInvoice}`, body: { body: form({ invoicePaymentId: ids.invoicePayment, kind: "refund", invoiceId: ids.staffInvoice }), label: "form" }, sessions: [undefined, "mario", "supporto", "pendingStaff"] },
    // Amministrazione's request: the pending session is Amministrazione too, only its set-up stops it.
    { action: "setRequestStatusAction", path: `/backoffice/richieste/${ids.supportRequest}`, body: { body: form({ requestId: ids.supportRequest, status: "CLOSED" }), label: "form" }, sessions: [undefined, "mario", "pendingStaff"] },
    { action: "replyToRequestAction", path: `/backoffice/richieste/${ids.supportRequest}`, body: { contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ requestId: ids.supportRequest, message: "hostile reply" }]), label: "json-args" }, sessions: [undefined, "mario", "pendingStaff"] },
    // Il mio account: mario's session signed out by someone else; the account's changes tried by
    // nobody, by staff and by mario's own PEC mailbox login (which may act on its mailbox only).
    ...accountCalls(ids),
  ];
  let actionCells = 0;
  for (const call of calls) {
    const action = byName.get(call.action);
    if (!action) {
      wrong.push(`action ${call.action} is not in the build's manifest`);
      continue;
    }
    for (const session of call.sessions) {
      actionCells++;
      const answer = await client.send({ method: "POST", path: call.path, headers: { origin: client.base, "next-action": action.id, accept: "text/x-component" }, body: call.body, session });
      // mario's own mailbox login sees its own name; what it must not do, the checksum proves it did not.
      if (answer && MARIO_STRINGS.slice(0, 3).some((s) => answer.text.includes(s)) && session !== undefined && session !== "marioPec") wrong.push(`${session} ${call.action} answer shows mario's data`);
    }
  }
  check(wrong.length === 0, `access matrix: ${cells.length + 2} page/route cells (${area.length} customer URLs × 3 sessions + ${staff.length} staff URLs × 4 + ${cells.filter((c) => c.session === "pendingStaff").length} with a staff session whose first access is pending + ${cells.filter((c) => c.session === "marioPec").length + 2} URLs for the PEC login) and ${actionCells} action calls by the wrong session refused${wrong.length ? `:\n    ${wrong.join("\n    ")}` : ""}`);
  return { cells: cells.length + 2, actionCells };
}

const isRedirect = (status: number) => status >= 300 && status < 400;

function accountCalls(ids: MarioIds) {
  const json = (value: unknown) => ({ contentType: "text/plain;charset=UTF-8", body: JSON.stringify([value]), label: "json-args" });
  const notTheAccount = [undefined, "admin", "marioPec"];
  const password = { currentPassword: "Demo1234!" };
  return [
    { action: "signOutSessionAction", path: "/il-mio-account", body: json({ sessionId: ids.marioSession }), sessions: [undefined, "anna", "admin", "marioPec"] },
    { action: "changePasswordAction", path: "/il-mio-account", body: json({ ...password, newPassword: "hostile-password-1", confirmPassword: "hostile-password-1" }), sessions: notTheAccount },
    { action: "requestEmailChangeAction", path: "/il-mio-account", body: json({ ...password, newEmail: "attacker@example.it" }), sessions: notTheAccount },
    { action: "saveBillingAction", path: "/il-mio-account", body: json({ sdiCode: "0000000", invoicePec: "attacker@pec.example.it", street: "Via X 1", postalCode: "00100", city: "Roma", province: "RM", country: "IT" }), sessions: notTheAccount },
    { action: "startTotpSetupAction", path: "/il-mio-account", body: json(password), sessions: notTheAccount },
    { action: "passkeyOptionsAction", path: "/il-mio-account", body: json(password), sessions: notTheAccount },
    { action: "staffSignOutSessionAction", path: "/backoffice/account", body: json({ sessionId: ids.adminSession }), sessions: [undefined, "mario", "supporto"] },
    { action: "changeStaffPasswordAction", path: "/backoffice/account", body: json({ ...password, newPassword: "hostile-password-1", confirmPassword: "hostile-password-1" }), sessions: [undefined, "mario"] },
    { action: "startStaffTotpAction", path: "/backoffice/account", body: json(password), sessions: [undefined, "mario"] },
  ];
}
