import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // Outside Next, "server-only" throws on import; its react-server build is an empty module.
      { find: /^server-only$/, replacement: fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)) },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    // Each test file in its own process, with its own freshly migrated database (tests/setup-db.ts).
    pool: "forks",
    isolate: true,
    globalSetup: ["tests/global-setup.ts"],
    // tests/setup-gateway.ts: TEST_GATEWAY=stripe runs every file on a fake Stripe API instead of the sandbox.
    setupFiles: ["tests/setup-db.ts", "tests/setup-gateway.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
