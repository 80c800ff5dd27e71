import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAll, type Checks } from "@/lib/forms/checks";
import { accountLoginChecks, pecLoginChecks } from "./login-checks";
import { accountLoginInput, pecLoginInput } from "./schemas";

// The login schemas keep zod's own messages: compare which fields each refuses.
function refusedFields(schema: typeof accountLoginInput | typeof pecLoginInput, values: Record<string, string>) {
  const parsed = schema.safeParse(values);
  return [...new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])))].sort();
}
const refusedByChecks = <N extends string>(checks: Checks<N>, values: Record<N, string>) => Object.keys(checkAll(checks, values)).sort();

const pick = (...values: string[]) => fc.constantFrom(...values);
const padded = (a: fc.Arbitrary<string>) => fc.tuple(pick("", " "), a, pick("", " ")).map(([l, v, r]) => l + v + r);
const password = fc.oneof(pick("", " ", "Demo1234!"), fc.string({ minLength: 198, maxLength: 202 }), fc.string());

describe("login: the forms' checks in the browser refuse what the server's schemas refuse", () => {
  it("username and password", () => {
    const values = fc.record({ username: fc.oneof(padded(pick("mario.rossi", "")), fc.string({ minLength: 98, maxLength: 102 }), fc.string()), password });
    fc.assert(fc.property(values, (v) => {
      expect(refusedByChecks(accountLoginChecks, v)).toEqual(refusedFields(accountLoginInput, v));
    }), { numRuns: 2000 });
  });

  it("PEC address and password", () => {
    const address = fc.oneof(padded(pick("mario.rossi@pec-demo.it", "MARIO.ROSSI@PEC-DEMO.IT", "not-an-address", "a@b", "")), fc.emailAddress(), fc.string({ minLength: 250, maxLength: 258 }), fc.string());
    fc.assert(fc.property(fc.record({ address, password }), (v) => {
      expect(refusedByChecks(pecLoginChecks, v)).toEqual(refusedFields(pecLoginInput, v));
    }), { numRuns: 2000 });
  });
});
