import type { types } from '@slack/bolt';
import type { Outcome } from '../../src/core/criteria.js';
import { getRole, ROLES } from '../../src/core/roles.js';
import { OUTCOME_LABEL, outcomeLabel } from '../../src/core/view.js';
import type { HistoryItem, UserSettings } from '../../src/service/index.js';
import { type AnyBlock, actions, capBlocks, context, divider, header, LIMITS, option, section } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { itemLine, pendingItem, RECORD_ACTION } from './render-records.js';

export const HOME_ACTION = {
  day: 'home_digest_day',
  hour: 'home_digest_hour',
  toggle: 'home_digest_toggle',
  timezone: 'home_timezone',
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
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function renderHome(data: HomeData): types.HomeView {
  const blocks: AnyBlock[] = [header('Invitation triage')];
  blocks.push(section(`*Waiting on you* (${data.pending.length})`));
  if (data.pending.length === 0) blocks.push(context('Nothing pending.'));
  for (const item of data.pending.slice(0, 10)) blocks.push(...pendingItem(item));
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

/** A week count's key is an outcome id or 'open'. */
function labelOf(key: string): string {
  return key in OUTCOME_LABEL ? OUTCOME_LABEL[key as Outcome] : outcomeLabel(null);
}
