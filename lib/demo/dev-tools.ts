/**
 * The local mailbox page and the test fixtures route exist for developers and the e2e suite
 * only: on in `next dev`, and in a production build only with AREA_DEV_TOOLS=1 (never set it in
 * a real deployment).
 */
export function devToolsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" || env.AREA_DEV_TOOLS === "1";
}
