import { expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { catalogue } from "./catalogue";

it("the migrations create the catalogue the code states, so a deployment has it without the demo seed", async () => {
  const byCode = <T extends { code: string }>(rows: T[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
  expect(byCode(await getDb().product.findMany())).toEqual(byCode(catalogue));
});
