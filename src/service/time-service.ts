import { budgetBar, guidanceLines } from '../core/digest/message.js';
import { formatMinutes } from '../core/duration.js';
import { TriageError } from '../core/errors.js';
import { getPlatform, isPlatformId, type PlatformId } from '../core/platforms.js';
import type { Clock } from '../core/ports.js';
import {
  type CommandResult,
  type Expectation,
  type Place,
  parseBudgetCommand,
  parseTimeCommand,
} from '../core/time-command.js';
import { weekOf } from '../core/week.js';
import { MAX_GUIDANCE_NOTE } from './input.js';
import { teamOwner } from './policies.js';
import type { Stores, TxStores } from './ports.js';
import type { TeamRef, UserRef } from './types.js';
import { toKey } from './user-key.js';

export { MAX_GUIDANCE_NOTE };

/** What `/triage time …` recorded, with a one-line confirmation to show as is. */
export interface TimeLogged {
  platform: PlatformId;
  platformName: string;
  minutes: number;
  place: Place | null;
  /** Minutes on this platform so far this local week, this entry included. */
  weekMinutes: number;
  budget: number | null;
  message: string;
}

/** What `/triage budget …` set; minutes 0 means the budget was removed. */
export interface BudgetSet {
  platform: PlatformId;
  platformName: string;
  minutes: number;
  expectation: Expectation | null;
  message: string;
}

/** A team's guidance on social networking at work; `lines` are ready to show. */
export interface GuidelinesView {
  set: boolean;
  workHoursOk: boolean;
  note: string;
  lines: string[];
}

/** Logging time, setting weekly budgets, and the team's guidance. Bad input throws a coded TriageError. */
export class TimeService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
    private readonly defaultTimeZone: string = machineTimeZone(),
  ) {}

  /** `linkedin 25m at work`: records the time and says where the week stands. */
  async log(user: UserRef, argsText: string): Promise<TimeLogged> {
    const cmd = orThrow(parseTimeCommand(argsText));
    const { total, budget } = await this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      const now = this.clock.now();
      await s.time.log({ userId, platform: cmd.platform, minutes: cmd.minutes, place: cmd.place, loggedAt: now });
      const tz = (await s.users.get(userId))?.timezone ?? this.defaultTimeZone;
      const week = weekOf(now, tz);
      const totals = await s.time.totals(userId, week.start, week.end);
      const budgets = await s.time.budgets(userId);
      return {
        total: totals.find((t) => t.platform === cmd.platform)?.minutes ?? cmd.minutes,
        budget: budgets.find((b) => b.platform === cmd.platform)?.weeklyMinutes ?? null,
      };
    });
    const name = getPlatform(cmd.platform).name;
    const where = cmd.place ? ` at ${cmd.place}` : '';
    const standing =
      budget === null
        ? `${formatMinutes(total)} this week, no budget set.`
        : `${budgetBar(total, budget)} ${formatMinutes(total)} of ${formatMinutes(budget)} this week.`;
    return {
      ...cmd,
      platformName: name,
      weekMinutes: total,
      budget,
      message: `Logged ${formatMinutes(cmd.minutes)} on ${name}${where}. ${name} ${standing}`,
    };
  }

  /** `time undo`: removes the most recent time log, for an entry made by mistake. */
  async undoLast(user: UserRef): Promise<{ removed: boolean; message: string }> {
    const last = await this.stores.tx(async (s) => s.time.removeLast(await s.users.ensure(toKey(user))));
    if (!last) return { removed: false, message: 'You have logged no time, so there is nothing to take back.' };
    const name = isPlatformId(last.platform) ? getPlatform(last.platform).name : last.platform;
    const where = last.place ? ` at ${last.place}` : '';
    return { removed: true, message: `Removed your last entry: ${formatMinutes(last.minutes)} on ${name}${where}.` };
  }

  /** `linkedin 2h leads` sets a weekly budget; `linkedin off` removes it. */
  async budget(user: UserRef, argsText: string): Promise<BudgetSet> {
    const cmd = orThrow(parseBudgetCommand(argsText));
    const name = getPlatform(cmd.platform).name;
    if (cmd.minutes === 0) {
      const had = await this.stores.tx(async (s) =>
        s.time.clearBudget(await s.users.ensure(toKey(user)), cmd.platform),
      );
      const message = had ? `Removed your ${name} budget.` : `You had no budget for ${name}.`;
      return { ...cmd, platformName: name, message };
    }
    const stored = await this.stores.tx(async (s) => {
      const userId = await s.users.ensure(toKey(user));
      await s.time.setBudget(userId, cmd.platform, cmd.minutes, cmd.expectation, this.clock.now());
      return (await s.time.budgets(userId)).find((b) => b.platform === cmd.platform);
    });
    const expectation = (stored?.expectation ?? null) as Expectation | null;
    const expect = expectation
      ? `, expecting ${expectation}`
      : '. Add what you expect from it: leads, contacts or friends';
    return {
      ...cmd,
      expectation,
      platformName: name,
      message: `${name}: ${formatMinutes(cmd.minutes)} a week${expect}.`,
    };
  }

  async guidelines(team: TeamRef): Promise<GuidelinesView> {
    return guidelinesIn(this.stores, team);
  }

  /** For admins only: the adapter checks the caller is one before calling this. */
  async setGuidelines(team: TeamRef, input: { workHoursOk: boolean; note?: string }): Promise<GuidelinesView> {
    if (typeof input?.workHoursOk !== 'boolean') {
      throw new TriageError('bad_argument', 'Say whether social networking during work hours is fine: yes or no.');
    }
    const note = cleanNote(input.note ?? '');
    return this.stores.tx(async (s) => {
      await s.time.setGuidance(teamOwner(team), input.workHoursOk, note, this.clock.now());
      return guidelinesIn(s, team);
    });
  }
}

async function guidelinesIn(s: TxStores, team: TeamRef): Promise<GuidelinesView> {
  const row = await s.time.guidance(teamOwner(team));
  if (!row) {
    return {
      set: false,
      workHoursOk: true,
      note: '',
      lines: ['Your team has set no guidance on social networking at work yet. An admin can set it.'],
    };
  }
  return { set: true, workHoursOk: row.workHoursOk, note: row.note, lines: guidanceLines(row) };
}

function cleanNote(raw: unknown): string {
  if (typeof raw !== 'string') throw new TriageError('bad_argument', 'The note must be text.');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a note
  const flat = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const note = flat.replace(/\s+/g, ' ').trim();
  if (note.length > MAX_GUIDANCE_NOTE) {
    throw new TriageError('too_long', `Keep the note under ${MAX_GUIDANCE_NOTE} characters (it has ${note.length}).`);
  }
  return note;
}

function orThrow<T>(r: CommandResult<T>): T {
  if (r.ok) return r.value;
  throw new TriageError(r.code === 'unknown_platform' ? 'unknown_platform' : 'bad_argument', r.message);
}

/** The zone this machine runs in; the terminal's users have no other. */
let machineZone: string | undefined;

/** The machine's time zone, read once: resolving it builds a formatter, too slow to repeat per triage. */
export function machineTimeZone(): string {
  machineZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return machineZone;
}
