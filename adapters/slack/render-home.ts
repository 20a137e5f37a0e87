import type { types } from '@slack/bolt';
import type { Outcome } from '../../src/core/criteria.js';
import { reminderListLine } from '../../src/core/reminder-view.js';
import { reminderSettingsLine } from '../../src/core/reminder-words.js';
import { getRole, ROLES } from '../../src/core/roles.js';
import { OUTCOME_LABEL, outcomeLabel } from '../../src/core/view.js';
import type { HistoryItem, UserSettings } from '../../src/service/index.js';
import type { ReminderList } from '../../src/service/reminder-service.js';
import { type AnyBlock, actions, capBlocks, context, divider, header, LIMITS, option, section } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { itemLine, pendingItem, RECORD_ACTION } from './render-records.js';

export const HOME_ACTION = {
  day: 'home_digest_day',
  hour: 'home_digest_hour',
  toggle: 'home_digest_toggle',
  timezone: 'home_timezone',
  reminderMode: 'home_reminder_mode',
  quietStart: 'home_quiet_start',
  quietEnd: 'home_quiet_end',
  role: 'home_role',
} as const;

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EDITABLE = [
  ['linkedin', 'LinkedIn'],
  ['facebook', 'Facebook'],
  ['x', 'X'],
  ['instagram', 'Instagram'],
] as const;

/** What the App Home tab shows one user. */
export interface HomeData {
  pending: HistoryItem[];
  recent: HistoryItem[];
  week: Record<string, number>;
  settings: UserSettings;
  /** Upcoming reminders and their settings. */
  reminders?: ReminderList;
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** How many pending items the tab lists; `/triage pending` lists more. */
export const HOME_PENDING = 10;

/** For someone who has triaged nothing yet: the three ways in, with one example. */
export const WELCOME = [
  '*Welcome!* I help you decide which social-network invitations to accept, privately.',
  '• Type `/triage` with the invitation, pasted or described, e.g. `/triage LinkedIn request from Dana Kim, recruiter at Acme`',
  '• Or use the *Triage this invitation* shortcut (⋯ on any message), for a forwarded email or notification',
  '• Or send it to me in the *Messages* tab',
  'I ask that network’s questions one at a time, then record the decision and why.',
].join('\n');

export function renderHome(data: HomeData): types.HomeView {
  const blocks: AnyBlock[] = [header('Invitation triage')];
  if (data.pending.length === 0 && data.recent.length === 0) blocks.push(section(WELCOME), divider());
  blocks.push(section(`*Waiting on you* (${data.pending.length})`));
  if (data.pending.length === 0) blocks.push(context('Nothing pending.'));
  for (const item of data.pending.slice(0, HOME_PENDING)) blocks.push(...pendingItem(item));
  if (data.pending.length > HOME_PENDING) {
    const more = data.pending.length - HOME_PENDING;
    blocks.push(context(`${more} more not shown: \`/triage pending\` lists them all.`));
  }
  if (data.reminders) blocks.push(...upcomingBlocks(data.reminders));
  blocks.push(divider(), section('*Latest decisions*'));
  blocks.push(data.recent.length ? section(data.recent.map(itemLine).join('\n\n')) : context('No decisions yet.'));
  const counts = Object.entries(data.week).map(([k, n]) => `${escapeMrkdwn(labelOf(k))}: ${n}`);
  blocks.push(section(`*This week*\n${counts.join(' · ') || 'No decisions yet this week.'}`));
  blocks.push(divider(), header('Settings'));
  blocks.push(
    actions(
      EDITABLE.map(([id, name]) => ({
        text: `${name} policy`,
        actionId: `${RECORD_ACTION.editPolicy}_${id}`,
        value: id,
      })),
    ),
  );
  blocks.push(...roleBlocks(data.settings));
  blocks.push(...digestBlocks(data.settings));
  if (data.reminders) blocks.push(...reminderSettingBlocks(data.reminders));
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.viewBlocks) as types.KnownBlock[] };
}

/** Your work picks the built-in rules for people you serve. */
function roleBlocks(s: UserSettings): AnyBlock[] {
  const options = ROLES.map((r) => option(`${r.name} (${r.who})`.slice(0, 75), r.id));
  const initial = options.find((o) => o.value === s.role);
  const now = s.role ? getRole(s.role).name : 'not set: the original policy applies';
  return [
    section(`*Your role*: ${escapeMrkdwn(now)}`),
    {
      type: 'actions',
      block_id: 'role',
      elements: [
        {
          type: 'static_select',
          action_id: HOME_ACTION.role,
          placeholder: { type: 'plain_text', text: 'Pick your work' },
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      ],
    },
  ];
}

function digestBlocks(s: UserSettings): AnyBlock[] {
  const d = s.digest;
  const tz = s.timezone ?? 'UTC (not set)';
  const when = d.off ? 'off' : `${DAYS[d.day]}s at ${hh(d.hour)}, ${escapeMrkdwn(tz)}`;
  const dayOptions = DAYS.map((name, i) => option(name, String(i)));
  const hourOptions = Array.from({ length: 24 }, (_, h) => option(hh(h), String(h)));
  return [
    section(`*Weekly digest*: ${when}`),
    {
      type: 'actions',
      block_id: 'digest',
      elements: [
        { type: 'static_select', action_id: HOME_ACTION.day, options: dayOptions, initial_option: dayOptions[d.day] },
        {
          type: 'static_select',
          action_id: HOME_ACTION.hour,
          options: hourOptions,
          initial_option: hourOptions[d.hour],
        },
        {
          type: 'button',
          action_id: HOME_ACTION.toggle,
          text: { type: 'plain_text', text: d.off ? 'Turn digest on' : 'Turn digest off' },
          value: d.off ? 'on' : 'off',
        },
        {
          type: 'button',
          action_id: HOME_ACTION.timezone,
          text: { type: 'plain_text', text: 'Use my Slack time zone' },
          value: 'tz',
        },
      ],
    },
  ];
}

function upcomingBlocks(r: ReminderList): AnyBlock[] {
  const coming = r.items.filter((i) => i.sendAt !== null).slice(0, 10);
  const lines = coming.map((i) => `#${i.triageId} ${escapeMrkdwn(reminderListLine(i, r.timeZone))}`);
  return [
    section(`*Upcoming reminders* (${coming.length})`),
    lines.length ? section(lines.join('\n')) : context('None.'),
  ];
}

function reminderSettingBlocks(r: ReminderList): AnyBlock[] {
  const s = r.settings;
  const modes = [
    option('Standard: each at its time', 'standard'),
    option('Light: once a day', 'light'),
    option('Off', 'off'),
  ];
  const hours = Array.from({ length: 24 }, (_, h) => option(hh(h), String(h)));
  return [
    section(`*Reminders*: ${escapeMrkdwn(reminderSettingsLine(s))}`),
    {
      type: 'actions',
      block_id: 'reminders',
      elements: [
        {
          type: 'static_select',
          action_id: HOME_ACTION.reminderMode,
          options: modes,
          initial_option: modes.find((m) => m.value === s.mode),
        },
        {
          type: 'static_select',
          action_id: HOME_ACTION.quietStart,
          placeholder: { type: 'plain_text', text: 'Quiet from' },
          options: hours,
          initial_option: hours[s.quietStart],
        },
        {
          type: 'static_select',
          action_id: HOME_ACTION.quietEnd,
          placeholder: { type: 'plain_text', text: 'Quiet until' },
          options: hours,
          initial_option: hours[s.quietEnd],
        },
      ],
    },
    context('Quiet hours: from the first hour until the second, in your time zone.'),
  ];
}

/** A week count's key is an outcome id or 'open'. */
function labelOf(key: string): string {
  return key in OUTCOME_LABEL ? OUTCOME_LABEL[key as Outcome] : outcomeLabel(null);
}
