import type { DigestRecords, OutcomeCount } from '../../src/core/digest/types.js';
import { emptyRecords } from '../../src/store/digest.js';

/** Digest records with nothing in them, plus whatever the test says. */
export function aRecords(overrides: Partial<DigestRecords> = {}): DigestRecords {
  return { ...emptyRecords(), ...overrides };
}

/** "linkedin accept 3" style shorthand for decision counts. */
export function counts(...specs: string[]): OutcomeCount[] {
  return specs.map((s) => {
    const [platform = '', outcome = '', n = '1'] = s.split(' ');
    return { platform, outcome: outcome as OutcomeCount['outcome'], count: Number(n) };
  });
}
