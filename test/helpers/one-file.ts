import { afterEach, beforeEach } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { tempDbFile } from '../digest/world.js';
import { type FakeClock, fakeClock } from './builders.js';

/** Services that open one SQLite file each, as separate processes would; a fresh file and clock every test. */
export interface OneFile {
  clock: FakeClock;
  /** A new connection to this test's file, with a service over it on the shared clock. */
  connect(): Service;
  /** Closes every connection opened so far, as a restart would. */
  closeAll(): void;
}

/** Registers the per-test file and its cleanup in the calling test file; the clock starts at `start` each test. */
export function servicesOnOneFile(start: number): OneFile {
  const clock = fakeClock(start);
  let file: ReturnType<typeof tempDbFile> | undefined;
  const dbs: Db[] = [];
  beforeEach(() => {
    file = tempDbFile();
    clock.set(start);
  });
  const closeAll = () => {
    for (const db of dbs.splice(0)) db.$client.close();
  };
  afterEach(() => {
    closeAll();
    file?.remove();
  });
  return {
    clock,
    closeAll,
    connect() {
      if (!file) throw new Error('connect() runs inside a test');
      const db = openDatabase(file.path);
      dbs.push(db);
      return serviceOver(db, clock);
    },
  };
}
