import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/store/db.js';
import { CLAIM_STALE_MS, DigestClaimStore } from '../../src/store/digest-claims.js';
import { tempDbFile } from './world.js';

const file = tempDbFile();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.$client.close();
  file.remove();
});

function twoConnections(): [DigestClaimStore, DigestClaimStore, number] {
  const a = openDatabase(file.path);
  const b = openDatabase(file.path);
  open.push(a, b);
  const id = Number(
    a.$client.prepare(`INSERT INTO users (provider, workspace, external_id) VALUES ('slack','T','U1')`).run()
      .lastInsertRowid,
  );
  return [new DigestClaimStore(a), new DigestClaimStore(b), id];
}

describe('digest claims', () => {
  it('GIVEN two connections to one database file THEN only one can claim a user and week', () => {
    const [a, b, user] = twoConnections();
    expect(a.claim(user, '2025-03-03', 'A', 1000, 5)).toBe(1);
    expect(b.claim(user, '2025-03-03', 'B', 1000, 5)).toBeNull();
    expect(a.claim(user, '2025-03-03', 'A', 1000, 5)).toBeNull();
    expect(b.claim(user, '2025-03-10', 'B', 1000, 5)).toBe(1);
  });

  it('GIVEN a sent digest THEN it can never be claimed again, even long after', () => {
    const [a, b, user] = twoConnections();
    a.claim(user, '2025-03-03', 'A', 1000, 5);
    expect(a.markSent(user, '2025-03-03', 'A', 2000)).toBe(true);
    expect(b.claim(user, '2025-03-03', 'B', 10 ** 13, 5)).toBeNull();
    expect(b.get(user, '2025-03-03')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('GIVEN a claim whose process died mid-send THEN it is free again only once it is stale, and the dead claimant cannot finish it', () => {
    const [a, b, user] = twoConnections();
    expect(a.claim(user, 'w', 'A', 1000, 5)).toBe(1);
    expect(b.claim(user, 'w', 'B', 1000 + CLAIM_STALE_MS - 1, 5)).toBeNull();
    expect(b.claim(user, 'w', 'B', 1000 + CLAIM_STALE_MS, 5)).toBe(2);
    expect(a.markSent(user, 'w', 'A', 1000 + CLAIM_STALE_MS)).toBe(false);
    expect(b.markSent(user, 'w', 'B', 1000 + CLAIM_STALE_MS)).toBe(true);
    expect(a.claim(user, 'w', 'A', 10 ** 13, 5)).toBeNull();
  });

  it('GIVEN a failure THEN the claim is free again only once its backoff has passed', () => {
    const [a, b, user] = twoConnections();
    a.claim(user, 'w', 'A', 1000, 5);
    a.markFailed(user, 'w', 'A', 'timeout', 5000);
    expect(b.claim(user, 'w', 'B', 4999, 5)).toBeNull();
    expect(b.claim(user, 'w', 'B', 5000, 5)).toBe(2);
    expect(a.claim(user, 'w', 'A', 5000, 5)).toBeNull();
  });

  it('GIVEN the last attempt failed THEN nobody claims it again', () => {
    const [a, , user] = twoConnections();
    a.claim(user, 'w', 'A', 0, 2);
    a.markFailed(user, 'w', 'A', 'x', 10);
    expect(a.claim(user, 'w', 'A', 10, 2)).toBe(2);
    a.markFailed(user, 'w', 'A', 'x', 20);
    expect(a.claim(user, 'w', 'A', 20, 2)).toBeNull();
  });

  it('only the claim holder can mark it', () => {
    const [a, b, user] = twoConnections();
    a.claim(user, 'w', 'A', 0, 5);
    expect(b.markSent(user, 'w', 'B', 1)).toBe(false);
    expect(a.get(user, 'w')?.status).toBe('claimed');
  });
});
