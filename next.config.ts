import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships Wasm and data files that must be loaded from node_modules, not bundled.
  // pdfkit reads its font metrics (.afm files) from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "pdfkit"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
