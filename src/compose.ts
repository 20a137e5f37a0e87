import type { DatabaseConfig } from './config.js';
import type { Clock } from './core/ports.js';
import { createFileReaders } from './input/index.js';
import { createService, type FileReaders, type Service } from './service/index.js';
import type { Db } from './store/db.js';
import { createStores, type StoreSet } from './store/index.js';
import { openStores } from './store/open.js';

/**
 * Part of the composition root: the service over SQLite stores on one database, reading .eml files and
 * screenshots with the process's file readers (the OCR worker starts on the first image).
 */
export function serviceOver(db: Db, clock: Clock, readers: FileReaders = createFileReaders()): Service<StoreSet> {
  return createService(createStores(db, clock), clock, readers);
}

/** The service over the database the configuration names: SQLite, or PostgreSQL when DATABASE_URL is set. */
export async function openService(
  database: DatabaseConfig,
  clock: Clock,
  readers: FileReaders = createFileReaders(),
): Promise<Service> {
  return createService(await openStores(database, clock), clock, readers);
}
