// examples/node/drizzle/drizzle.config.ts — drizzle-kit pull of the schema
// expert_network: `npm run pull` with DATABASE_URL set writes schema.ts and
// relations.ts beside this file (OUT names another folder).
//
// Pull as a superuser.  PostgreSQL's information_schema shows primary keys
// and unique constraints only to the owner of a table, and the extension's
// tables belong to the bootstrap superuser: pulled by the application role
// (or a database owner who is not a superuser) the schema still compiles,
// with its enums and foreign keys, but without those keys.  The schema.ts
// shipped here is such a pull of a fresh install, checked by make test
// (test/t/orm.sh): import it rather than pulling as the application.
//
// access_levels is left out: it records which database roles hold which
// level (a regrole column, which drizzle cannot map), and the application
// role may not read it.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schemaFilter: ["expert_network"],
  tablesFilter: ["*", "!access_levels"],
  out: process.env.OUT ?? "./drizzle",
  dbCredentials: { url: process.env.DATABASE_URL! },
});
