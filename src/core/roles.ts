import {
  type Criterion,
  MET_IN_PERSON_OR_PHONE,
  PARENT_OF_STUDENT,
  SERVES_PROFESSIONALLY,
  WOULD_INVITE_HOME,
} from './criteria.js';
import type { PlatformId } from './platforms.js';

/**
 * A user's profession picks a layer of built-in rules between the team's and the original policy. Each rule
 * follows published guidance for that profession, and its explanations name it (see the README's Roles).
 */
export const ROLE_IDS = ['general', 'clinician', 'therapist', 'teacher', 'client-facing'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export interface Role {
  id: RoleId;
  name: string;
  /** Who it is for, as the setting lists it. */
  who: string;
  /** The guidance its rules follow, as its explanations cite it. */
  sources: string;
}

export const ROLES: readonly Role[] = [
  { id: 'general', name: 'General', who: 'anyone', sources: 'the original policy' },
  {
    id: 'clinician',
    name: 'Clinician',
    who: 'physician, nurse, pharmacist, dentist',
    sources: 'ACP/FSMB 2013; AMA Code of Medical Ethics Opinion 2.3.2; College of Nurses of Ontario; NCSBN',
  },
  {
    id: 'therapist',
    name: 'Therapist',
    who: 'counsellor, psychologist, social worker',
    sources: 'ACA Code of Ethics A.5.e; APA Ethics Code 3.05; NASW Code of Ethics 1.06(c)',
  },
  { id: 'teacher', name: 'Teacher', who: 'teacher, school staff', sources: 'school district social-media guidance' },
  {
    id: 'client-facing',
    name: 'Client-facing',
    who: 'lawyer, consultant, sales, recruiter',
    sources: 'the original policy, with LinkedIn as the place for clients',
  },
];

export function isRoleId(value: unknown): value is RoleId {
  return typeof value === 'string' && (ROLE_IDS as readonly string[]).includes(value);
}

export function getRole(id: RoleId): Role {
  return ROLES.find((r) => r.id === id) ?? (ROLES[0] as Role);
}

const CLINICIANS = 'For clinicians (ACP/FSMB 2013; AMA Opinion 2.3.2; CNO; NCSBN)';
const THERAPISTS = 'For therapists (ACA Code of Ethics A.5.e; APA 3.05; NASW 1.06(c))';
const TEACHERS = 'For teachers (district social-media guidance)';
const CLIENT_FACING = 'For client-facing work (LinkedIn is where client relationships belong)';

/** "Is {name} a <noun> of yours?": a current one declines, a former one defers, anyone else passes. */
function servedNowOrBefore(
  noun: string,
  question: string,
  because: { decline: string; defer: string },
  cite: string,
): Criterion {
  return {
    id: 'serves_professionally',
    question,
    choices: [
      { id: 'yes', label: `Yes, a current ${noun}`, result: 'decline' },
      { id: 'former', label: `A former ${noun}`, result: 'defer' },
      { id: 'no', label: 'No', result: 'pass' },
    ],
    because,
    cite,
  };
}

/** A current patient is declined everywhere: any visible connection discloses the care relationship. */
const CLINICIAN_PATIENT = servedNowOrBefore(
  'patient',
  'Is {name} a patient of yours (or a patient’s family member), now or in the past?',
  {
    decline:
      '{name} is your patient. Do not friend patients on personal accounts, and keep your personal and professional personas apart; even on LinkedIn a connection shows others that {name} is in your care.',
    defer:
      '{name} was your patient. A former patient is a judgment call: would they come back to your care, and would the connection reveal it? Decide once you have thought it through.',
  },
  CLINICIANS,
);

const THERAPIST_CLIENT = servedNowOrBefore(
  'client',
  'Is {name} a client of yours, now or in the past?',
  {
    decline:
      '{name} is your client. A personal online relationship with a current client is ruled out, a dual relationship risks harm, and even on LinkedIn a connection reveals that {name} sees you.',
    defer:
      '{name} was your client. A relationship after therapy can still harm or exploit them: use your judgment, and decide once you have weighed it.',
  },
  THERAPISTS,
);

const TEACHER_STUDENT = servedNowOrBefore(
  'student',
  'Is {name} a student of yours, now or in the past?',
  {
    decline:
      '{name} is your student. Teachers keep no personal connections with current students, on any network; talk through school channels.',
    defer: '{name} was your student. Make sure they are an adult and no longer in your school before you connect.',
  },
  TEACHERS,
);

const TEACHER_PARENT: Criterion = { ...PARENT_OF_STUDENT, cite: TEACHERS };

const CLIENT_WELCOME: Criterion = {
  id: 'serves_professionally',
  question: 'Is {name} a client of yours, or someone you work with for a client?',
  choices: [
    { id: 'yes', label: 'Yes', result: 'accept' },
    { id: 'no', label: 'No', result: 'pass' },
  ],
  because: { accept: '{name} is your client, and a client is welcome on LinkedIn.' },
  cite: CLIENT_FACING,
};

/**
 * The role's criteria for a platform, or null where the role adds nothing to the built-in policy. `builtIn` is
 * the original policy's criteria there: the role replaces or adds to them, and keeps the rest.
 */
export function roleCriteria(role: RoleId, platform: PlatformId, builtIn: readonly Criterion[]): Criterion[] | null {
  const rest = builtIn.filter((c) => c.id !== SERVES_PROFESSIONALLY.id);
  switch (role) {
    case 'clinician':
      return [CLINICIAN_PATIENT, ...rest];
    case 'therapist':
      return [THERAPIST_CLIENT, ...rest];
    case 'teacher':
      return [TEACHER_STUDENT, TEACHER_PARENT, ...rest];
    case 'client-facing':
      if (platform === 'linkedin' || platform === 'plaxo') return [CLIENT_WELCOME, MET_IN_PERSON_OR_PHONE];
      // Facebook keeps its home test: a client you would not invite home is kept to LinkedIn.
      if (builtIn.includes(WOULD_INVITE_HOME)) return [WOULD_INVITE_HOME];
      return null;
    default:
      return null;
  }
}
