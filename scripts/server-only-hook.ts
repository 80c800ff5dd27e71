import { register } from "node:module";

// lib/ modules start with `import "server-only"`, which throws outside Next's server bundles.
// Running under the react-server condition would silence it but also swap in React's server build,
// where react-dom/server (e-mail rendering) refuses to load: so only that one import is emptied.
// Import this first, then load lib/ modules with dynamic import().
register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }',
    ),
);
