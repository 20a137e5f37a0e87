import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { openPostgres, type PgDb } from '../../src/store/pg/db.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';

/** Each database's schema after its own real migrations, in terms both can state. */
interface Shape {
  tables: string[];
  /** "table.column type null|not null"; type is text or integer (SQLite's integer covers bigint and boolean). */
  columns: string[];
  /** "table pk(col, …)". */
  primaryKeys: string[];
  /** "name on table(col, …) [unique]", primary keys left out. */
  indexes: string[];
  /** "table(col) -> table(col) on delete …". */
  foreignKeys: string[];
}

const server = await postgres();

describe.skipIf(!server.ok)('the SQLite and PostgreSQL schemas', () => {
  let fresh: FreshDatabase;
  let pg: PgDb;

  beforeAll(async () => {
    if (!server.ok) return;
    fresh = await freshDatabase(server.url, 'parity');
    pg = await openPostgres(fresh.url);
  });
  afterAll(async () => {
    await pg?.$client.end();
    await fresh?.drop();
  });

  it('have the same tables, columns, keys, indexes and cascades', async () => {
    const lite = sqliteShape();
    const post = await postgresShape(pg);
    expect(lite.tables).toContain('triages');
    expect(lite.indexes).toContain('triages_invitation on triages(invitation_id)');
    expect(post.tables).toEqual(lite.tables);
    expect(post.columns).toEqual(lite.columns);
    expect(post.primaryKeys).toEqual(lite.primaryKeys);
    expect(post.indexes).toEqual(lite.indexes);
    expect(post.foreignKeys).toEqual(lite.foreignKeys);
  });
});

function sqliteShape(): Shape {
  const c = openDatabase(':memory:').$client;
  const tables = c
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .pluck()
    .all() as string[];
  const columns: string[] = [];
  const primaryKeys: string[] = [];
  const indexes: string[] = [];
  const foreignKeys: string[] = [];
  for (const t of tables) {
    const info = c.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)').all(t) as {
      name: string;
      type: string;
      nn: number;
      pk: number;
    }[];
    for (const col of info) columns.push(`${t}.${col.name} ${col.type.toLowerCase()} ${col.nn ? 'not null' : 'null'}`);
    const pk = info.filter((col) => col.pk > 0).sort((a, b) => a.pk - b.pk);
    primaryKeys.push(`${t} pk(${pk.map((col) => col.name).join(', ')})`);
    const list = c.prepare('SELECT name, "unique" AS u FROM pragma_index_list(?) WHERE origin = \'c\'').all(t) as {
      name: string;
      u: number;
    }[];
    for (const ix of list) {
      const cols = c.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(ix.name);
      indexes.push(`${ix.name} on ${t}(${cols.join(', ')})${ix.u ? ' unique' : ''}`);
    }
    const fks = c.prepare(
      'SELECT "table" AS ref, "from" AS col, "to" AS refCol, on_delete AS del FROM pragma_foreign_key_list(?)',
    );
    for (const fk of fks.all(t) as { ref: string; col: string; refCol: string; del: string }[]) {
      foreignKeys.push(`${t}(${fk.col}) -> ${fk.ref}(${fk.refCol}) on delete ${fk.del.toLowerCase()}`);
    }
  }
  c.close();
  return sorted({ tables, columns, primaryKeys, indexes, foreignKeys });
}

async function postgresShape(db: PgDb): Promise<Shape> {
  const q = async <T extends object>(text: string) => (await db.$client.query<T>(text)).rows;
  const tables = await q<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const columns = await q<{ t: string; c: string; type: string; nullable: string }>(
    `SELECT table_name AS t, column_name AS c, data_type AS type, is_nullable AS nullable
     FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const pks = await q<{ t: string; cols: string }>(
    `SELECT tc.table_name AS t, string_agg(k.column_name, ', ' ORDER BY k.ordinal_position) AS cols
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' GROUP BY tc.table_name`,
  );
  const indexes = await q<{ name: string; t: string; u: boolean; cols: string }>(
    `SELECT i.relname AS name, t.relname AS t, x.indisunique AS u,
       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND NOT x.indisprimary`,
  );
  const fks = await q<{ t: string; col: string; ref: string; refCol: string; del: string }>(
    `SELECT k.table_name AS t, k.column_name AS col, u.table_name AS ref, u.column_name AS "refCol", r.delete_rule AS del
     FROM information_schema.referential_constraints r
     JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name AND k.table_schema = r.constraint_schema
     JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.constraint_name AND u.table_schema = r.unique_constraint_schema
     WHERE r.constraint_schema = 'public'`,
  );
  const kind = (type: string) =>
    type === 'text' ? 'text' : ['integer', 'bigint', 'boolean'].includes(type) ? 'integer' : type;
  return sorted({
    tables: tables.map((r) => r.t),
    columns: columns.map((r) => `${r.t}.${r.c} ${kind(r.type)} ${r.nullable === 'NO' ? 'not null' : 'null'}`),
    primaryKeys: pks.map((r) => `${r.t} pk(${r.cols})`),
    indexes: indexes.map((r) => `${r.name} on ${r.t}(${r.cols})${r.u ? ' unique' : ''}`),
    foreignKeys: fks.map((r) => `${r.t}(${r.col}) -> ${r.ref}(${r.refCol}) on delete ${r.del.toLowerCase()}`),
  });
}

function sorted(s: Shape): Shape {
  return {
    tables: [...s.tables].sort(),
    columns: [...s.columns].sort(),
    primaryKeys: [...s.primaryKeys].sort(),
    indexes: [...s.indexes].sort(),
    foreignKeys: [...s.foreignKeys].sort(),
  };
}
