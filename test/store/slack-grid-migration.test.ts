import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';

const sql = readFileSync(new URL('../../migrations/0003_slack_grid_users.sql', import.meta.url), 'utf8');

describe('the Slack grid users migration (SQLite)', () => {
  it("moves each grid person's oldest row to the org key, and leaves other workspaces and providers alone", () => {
    const db = openDatabase(':memory:');
    const add = db.$client.prepare(
      'INSERT INTO users (provider, workspace, external_id, created_at) VALUES (?, ?, ?, 0)',
    );
    add.run('slack', 'E1:T1', 'U1');
    add.run('slack', 'E1:E1', 'U1');
    add.run('slack', ':T1', 'U2');
    add.run('discord', 'E1:T1', 'U3');
    db.$client.exec(sql);
    const rows = db.$client.prepare('SELECT provider, workspace, external_id AS id FROM users ORDER BY id').all();
    expect(rows).toEqual([
      { provider: 'slack', workspace: 'E1:', id: 'U1' },
      { provider: 'slack', workspace: 'E1:E1', id: 'U1' },
      { provider: 'slack', workspace: ':T1', id: 'U2' },
      { provider: 'discord', workspace: 'E1:T1', id: 'U3' },
    ]);
    db.$client.close();
  });
});
