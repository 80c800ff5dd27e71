/**
 * Hostile input against every route handler, page and server action of the build. Requests are
 * drawn with fast-check from one seed (printed; FUZZ_SEED replays it), then sent a few at a time;
 * every answer goes through HostileClient's checks (no 5xx, no stack trace).
 */
import fc from "fast-check";
import { actionArgs, formFields, hostileBody, hostileHeaders, oversizedBody, queryString, segmentValue, toFormData, type Body } from "./arbitraries";
import { pool, type HostileClient, type Sent } from "./http";
import { fillPattern, type Action, type Page, type Route } from "./targets";

export type FuzzPlan = { routeRuns: number; pageRuns: number; actionRuns: number; width: number };
/** Real ids to put in segments now and then, so that some requests reach the code behind the lookup. */
export type RealIds = Record<string, string[]>;

/**
 * Actions whose every field is optional: any form at all is a valid request, so with the owner's
 * session they rightly change state (Aggiungi una carta opens a verification at the bank). They are
 * fuzzed with the other sessions; the access matrix calls them as the wrong people.
 */
const ANY_FORM_IS_VALID = new Set(["addCardAction"]);
/**
 * Actions that sign the caller's own session out, whatever they are sent ("Esci", "Esci da tutti i
 * dispositivi"): with a session they rightly end it, and the sessions are needed afterwards. They
 * are fuzzed with no session; the access matrix and the e2e suite call them with one.
 */
const SIGNS_OUT = new Set(["logoutAction", "staffLogoutAction", "signOutEverywhereAction", "staffSignOutEverywhereAction"]);

const NEXT_AUTH_PATHS = ["signin", "signout", "session", "csrf", "providers", "error", "_log", "callback/account", "callback/pec", "callback/staff", "callback/second-step", "callback/passkey", "signin/account", "callback/credentials"];

export async function fuzzAll(client: HostileClient, targets: { routes: Route[]; pages: Page[]; actions: Action[]; queryNames: string[] }, ids: RealIds, seed: number, plan: FuzzPlan) {
  // A customer, a member of staff (Amministrazione) and nobody.
  const sessions = ["none", "mario", "admin"];
  const session = fc.constantFrom(...sessions).map((s) => (s === "none" ? undefined : s));
  const segment = (name: string, catchAll: boolean) =>
    catchAll ? fc.oneof(fc.constantFrom(...NEXT_AUTH_PATHS), segmentValue) : fc.oneof({ weight: 3, arbitrary: segmentValue }, { weight: 1, arbitrary: fc.constantFrom(...(ids[name] ?? ids.id)) });
  const url = (pattern: string) => {
    const names = [...pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => segment(m[2], Boolean(m[1])));
    return fc.tuple(fc.tuple(...names), queryString(targets.queryNames)).map(([values, query]) => {
      let i = 0;
      return fillPattern(pattern, () => values[i++] as string) + query;
    });
  };
  const draw = <T>(arb: fc.Arbitrary<T>, n: number, salt: number) => fc.sample(arb, { seed: seed + salt, numRuns: n });
  const requests: Sent[] = [];
  let salt = 0;

  for (const route of targets.routes) {
    // The exported methods, and one that is not exported (must be a clean 405).
    const methods = [...route.methods, route.methods.includes("DELETE") ? "PATCH" : "DELETE"];
    for (const method of methods) {
      const arb = fc.record({ path: url(route.pattern), headers: hostileHeaders, body: hostileBody, session });
      for (const r of draw(arb, plan.routeRuns, ++salt)) requests.push({ method, ...r });
      if (method === "POST") requests.push({ method, path: fillPattern(route.pattern, () => "x"), body: oversizedBody() });
    }
  }
  for (const page of targets.pages) {
    const arb = fc.record({ path: url(page.pattern), headers: hostileHeaders, session });
    for (const r of draw(arb, page.pattern.includes("[") ? plan.pageRuns : Math.ceil(plan.pageRuns / 2), ++salt)) requests.push({ method: "GET", ...r });
  }
  for (const action of targets.actions) {
    for (const pattern of action.pages.slice(0, 2)) {
      const pagePath = fillPattern(pattern, (name) => (ids[name] ?? ids.id)[0]);
      const actionSession = SIGNS_OUT.has(action.name) ? fc.constant(undefined) : ANY_FORM_IS_VALID.has(action.name) ? session.filter((s) => s !== "mario") : session;
      const arb = fc.record({ body: actionBody(action.id), headers: hostileHeaders, session: actionSession });
      for (const r of draw(arb, plan.actionRuns, ++salt)) {
        const isMpa = r.body.label === "mpa-form";
        const headers = { ...r.headers, origin: client.base, accept: "text/x-component", ...(isMpa ? {} : { "next-action": action.id }) };
        requests.push({ method: "POST", path: pagePath, headers, body: r.body, session: r.session });
      }
      requests.push({ method: "POST", path: pagePath, headers: { origin: client.base, "next-action": action.id }, body: { ...oversizedBody(), contentType: "text/plain;charset=UTF-8" }, session: SIGNS_OUT.has(action.name) ? undefined : "admin" });
    }
  }
  // Interleave targets, so that a slow one doesn't hold a whole phase.
  const shuffled = draw(fc.shuffledSubarray(requests.map((_, i) => i), { minLength: requests.length, maxLength: requests.length }), 1, 0)[0].map((i) => requests[i]);
  const started = performance.now();
  await pool(shuffled, plan.width, async (req) => void (await client.send(req)));
  return { drawn: requests.length, seconds: (performance.now() - started) / 1000 };
}

/** How a browser calls an action: JSON-encoded argument list, FormData reply, or a no-JS form post. */
function actionBody(actionId: string): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 4, arbitrary: actionArgs.map((args) => ({ contentType: "text/plain;charset=UTF-8", body: JSON.stringify(args), label: "json-args" })) },
    {
      weight: 3,
      arbitrary: fc.tuple(formFields, fc.array(fc.jsonValue(), { maxLength: 2 })).map(([fields, bound]) => {
        // React 19.3's encodeReply: part "0" is the argument list, "$K1" points at the FormData fields "_1_<name>".
        const form = toFormData(fields.map(([k, v]) => [`_1_${k}`, v]));
        form.set("0", JSON.stringify([...bound, "$K1"]));
        return { body: form, label: "encoded-formdata" };
      }),
    },
    {
      weight: 2,
      arbitrary: formFields.map((fields) => {
        const form = toFormData(fields);
        form.set(`$ACTION_ID_${actionId}`, "");
        return { body: form, label: "mpa-form" };
      }),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ contentType: "text/plain;charset=UTF-8", body: s, label: "broken-reply" })) },
    { weight: 1, arbitrary: hostileBody },
  );
}
