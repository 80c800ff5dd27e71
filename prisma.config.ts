import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/db.ts (see README, "Migrations offline"); this file only
// tells `prisma generate` where the schema is.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
