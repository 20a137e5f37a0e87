import type { PlatformId } from './platforms.js';

/** What happens when an answer does not pass a criterion. */
export type FailOutcome = 'decline' | 'defer' | 'redirect';
export type Outcome = 'accept' | FailOutcome;

/** One button a criterion offers, and what choosing it means. */
export interface Choice {
  /** Stable id: 'yes', 'no', or a criterion-specific one such as 'planned'. */
  id: string;
  label: string;
  /** 'pass' moves on to the next criterion; anything else decides ('accept' welcomes at once). */
  result: 'pass' | Outcome;
}

/** A question with the answers that pass it and the outcome of those that fail. */
export interface Criterion {
  /** Stable id, part of the product's vocabulary: policy files and the CLI use it. */
  id: string;
  /** The question; `{name}` stands for the inviter. */
  question: string;
  choices: Choice[];
  /** One sentence for a deciding answer, keyed by outcome; `{name}` and `{target}` are filled in. */
  because: Partial<Record<Outcome, string>>;
  /** Where a redirect points, such as LinkedIn for a work-only contact. */
  redirectTo?: PlatformId;
  /** Which policy layer the criterion came from: stamped when the policy is resolved. */
  layer?: PolicyLayer;
  /** The published guidance a role's criterion follows, as its explanations name it: "For clinicians (ACP/FSMB 2013)". */
  cite?: string;
}

/** Where a criterion comes from: the user's own rules beat the team's, which beat the role's, then the built-in. */
export type PolicyLayer = 'user' | 'team' | 'role' | 'built-in';

const yes = (label = 'Yes'): Choice => ({ id: 'yes', label, result: 'pass' });

export const SERVES_PROFESSIONALLY: Criterion = {
  id: 'serves_professionally',
  question: 'Do you serve {name} professionally, as a patient, client or student?',
  choices: [
    { id: 'yes', label: 'Yes', result: 'decline' },
    { id: 'no', label: 'No', result: 'pass' },
  ],
  because: {
    decline:
      'You serve {name} professionally, and a patient, client or student is not a social friend: keep it to a professional network such as LinkedIn.',
  },
};

export const WOULD_INVITE_HOME: Criterion = {
  id: 'would_invite_home',
  question: 'Have you invited {name}, or would you invite them, to your home?',
  choices: [
    yes(),
    { id: 'no', label: 'No', result: 'decline' },
    { id: 'work', label: 'Only know them through work', result: 'redirect' },
  ],
  because: {
    decline: 'You would not invite {name} to your home, and Facebook is for people you would.',
    redirect: 'You know {name} through work only: keep the connection on {target}.',
  },
  redirectTo: 'linkedin',
};

export const MET_IN_PERSON_OR_PHONE: Criterion = {
  id: 'met_in_person_or_phone',
  question: 'Have you connected with {name} in person or on the phone at least once?',
  choices: [
    yes(),
    { id: 'no', label: 'No', result: 'decline' },
    { id: 'planned', label: 'Not yet, a call is planned', result: 'defer' },
  ],
  because: {
    decline: 'You have never spoken with {name} in person or on the phone.',
    defer: 'You have not spoken with {name} yet, but a call is planned: ask again after you have talked.',
  },
};

export const KNOWS_THEM: Criterion = {
  id: 'knows_them',
  question: 'Do you actually know {name}?',
  choices: [
    yes(),
    { id: 'no', label: 'No', result: 'decline' },
    { id: 'unsure', label: 'Not sure yet', result: 'defer' },
  ],
  because: {
    decline: 'You do not know {name}.',
    defer: 'You are not sure you know {name}: look them up and decide later.',
  },
};

/** Asked of teachers: a student's parent is neither a student nor an ordinary contact. */
export const PARENT_OF_STUDENT: Criterion = {
  id: 'parent_of_student',
  question: 'Is {name} the parent or guardian of a student you teach now?',
  choices: [
    { id: 'yes', label: 'Yes', result: 'defer' },
    { id: 'no', label: 'No', result: 'pass' },
  ],
  because: {
    defer:
      '{name} is the parent of a student you teach: keep to school channels while you teach their child, and decide once the year is over.',
  },
};

export const BUILT_IN_CRITERIA: readonly Criterion[] = [
  SERVES_PROFESSIONALLY,
  WOULD_INVITE_HOME,
  MET_IN_PERSON_OR_PHONE,
  KNOWS_THEM,
  PARENT_OF_STUDENT,
];

export function builtInCriterion(id: string): Criterion | undefined {
  return BUILT_IN_CRITERIA.find((c) => c.id === id);
}

/** A user's own yes/no question: 'yes' passes, 'no' gives `onFail`. */
export function customCriterion(question: string, onFail: FailOutcome = 'decline'): Criterion {
  const slug = question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return {
    id: `custom_${slug || 'question'}`,
    question,
    choices: [yes(), { id: 'no', label: 'No', result: onFail }],
    // The explanation names the rule's owner ("Your LinkedIn rule:", "Your team's rule:") before this.
    because: { [onFail]: `"${question}" was answered no.` },
  };
}
