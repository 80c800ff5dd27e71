/**
 * A declared demo (AREA_DEMO=1): a production build that runs on the sandbox bank with demo data
 * on purpose (QA, sales demos, the e2e and fault-drill servers). Every page then says so.
 */
export function isDemo(env: Record<string, string | undefined> = process.env): boolean {
  return env.AREA_DEMO?.trim() === "1";
}
