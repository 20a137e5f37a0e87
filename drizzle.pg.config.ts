import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations, generated from the pg-core twin of the schema into their own folder. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/pg/schema.ts',
  out: './migrations-pg',
});
