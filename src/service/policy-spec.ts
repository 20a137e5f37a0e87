import { BUILT_IN_CRITERIA, builtInCriterion, type Criterion, customCriterion } from '../core/criteria.js';
import { TriageError } from '../core/errors.js';
import type { CriterionSpec } from './types.js';

const MAX_CRITERIA = 10;
const MAX_QUESTION = 200;
const OUTCOMES = new Set(['decline', 'defer', 'redirect']);

/** Turns a policy as a user writes it (built-in ids and custom questions) into criteria, or says what is wrong. */
export function criteriaFromSpec(spec: readonly CriterionSpec[]): Criterion[] {
  if (!Array.isArray(spec) || spec.length === 0) {
    throw new TriageError('bad_argument', 'A policy needs at least one criterion.');
  }
  if (spec.length > MAX_CRITERIA) {
    throw new TriageError('bad_argument', `A policy holds at most ${MAX_CRITERIA} criteria.`);
  }
  const seen = new Set<string>();
  return spec.map((item) => {
    const criterion = toCriterion(item);
    if (seen.has(criterion.id)) throw new TriageError('bad_argument', `"${criterion.id}" appears twice.`);
    seen.add(criterion.id);
    return criterion;
  });
}

function toCriterion(item: CriterionSpec): Criterion {
  if (typeof item === 'string') {
    const found = builtInCriterion(item.trim());
    if (found) return found;
    const known = BUILT_IN_CRITERIA.map((c) => c.id).join(', ');
    throw new TriageError('bad_argument', `Unknown criterion "${item.slice(0, 60)}". Built-in ones: ${known}.`);
  }
  const question = typeof item?.question === 'string' ? item.question.replace(/\s+/g, ' ').trim() : '';
  if (question === '') throw new TriageError('bad_argument', 'A custom criterion needs a question.');
  if (question.length > MAX_QUESTION) {
    throw new TriageError('bad_argument', `Keep a custom question under ${MAX_QUESTION} characters.`);
  }
  const onFail = item.onFail ?? 'decline';
  if (!OUTCOMES.has(onFail)) throw new TriageError('bad_argument', 'onFail is one of decline, defer, redirect.');
  return { ...customCriterion(question, onFail), id: customId(question) };
}

/**
 * The id of a user's own question: its Latin slug, as before, when that says it all; a question the slug
 * cannot tell apart (another script, accents, a cut) also gets a hash of the whole question, so two Russian
 * or Chinese questions never share an id. Ids stay within [a-z0-9_] and 60 characters.
 */
export function customId(question: string): string {
  const slug = question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const lossless = slug !== '' && slug.length <= 40 && /^[\x20-\x7e]*$/.test(question);
  if (lossless) return `custom_${slug}`;
  return `custom_${slug.slice(0, 40)}${slug ? '_' : ''}${hash(question.toLowerCase())}`;
}

/** FNV-1a over the UTF-16 code units, in base 36: short, stable, and no import the core rules forbid. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
