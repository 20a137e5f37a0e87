import type { types } from '@slack/bolt';
import { BUILT_IN_CRITERIA } from '../../src/core/criteria.js';
import { PLATFORMS } from '../../src/core/platforms.js';
import type { PolicyView } from '../../src/service/index.js';
import { context, option, plain, section } from './blocks.js';
import { escapeMrkdwn, truncate } from './escape.js';

export const TRIAGE_MODAL = 'triage_modal';
export const POLICY_MODAL = 'policy_modal';

const input = (
  blockId: string,
  label: string,
  element: types.InputBlockElement,
  optional = true,
): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: plain(label, 2000),
  element,
});

/**
 * The form `/triage` opens with no text: platform, inviter, how you know them, and the pasted text. `channel`
 * (where /triage was typed) is kept, to answer there ephemerally if the DM cannot be opened.
 */
export function triageModal(channel = ''): types.ModalView {
  return {
    type: 'modal',
    callback_id: TRIAGE_MODAL,
    private_metadata: channel.slice(0, 100),
    title: plain('Triage an invitation'),
    submit: plain('Start'),
    close: plain('Cancel'),
    blocks: [
      input('platform', 'Network', {
        type: 'static_select',
        action_id: 'platform_select',
        placeholder: plain('Choose a network', 150),
        options: PLATFORMS.slice(0, 100).map((p) => option(p.name, p.id)),
      }),
      input('inviter', 'Who invited you', { type: 'plain_text_input', action_id: 'inviter_input', max_length: 80 }),
      input('context', 'How you know them', {
        type: 'plain_text_input',
        action_id: 'context_input',
        max_length: 200,
        placeholder: plain('For example: my patient, a recruiter, my neighbour', 150),
      }),
      input('text', 'The invitation text (optional)', {
        type: 'plain_text_input',
        action_id: 'text_input',
        multiline: true,
        max_length: 3000,
      }),
    ],
  };
}

/** Who a saved policy applies to; only workspace admins are offered the team. */
export const POLICY_SCOPE = { me: 'me', team: 'team' } as const;

/**
 * The policy editor: built-in criteria to tick, custom yes/no questions one per line, or back to the default.
 * With `team` (the opener is a workspace admin) it also asks whether to save it for everyone in the workspace.
 */
export function policyModal(policy: PolicyView, opts: { team?: boolean } = {}): types.ModalView {
  const builtIn = new Set(BUILT_IN_CRITERIA.map((c) => c.id));
  const chosen = policy.criteria.filter((c) => builtIn.has(c.id));
  const custom = policy.criteria.filter((c) => !builtIn.has(c.id)).map((c) => c.question);
  const opt = (id: string, question: string) => ({
    text: plain(truncate(question.replaceAll('{name}', 'them'), 75), 75),
    value: id,
  });
  const options = BUILT_IN_CRITERIA.map((c) => opt(c.id, c.question));
  const initial = chosen.map((c) => opt(c.id, c.question));
  return {
    type: 'modal',
    callback_id: POLICY_MODAL,
    private_metadata: policy.platform,
    title: plain(`${policy.platformName} policy`),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      section(`Questions I ask about *${escapeMrkdwn(policy.platformName)}* invitations (now: ${policy.source}).`),
      input('builtin', 'Built-in questions', {
        type: 'checkboxes',
        action_id: 'builtin_select',
        options,
        ...(initial.length ? { initial_options: initial } : {}),
      }),
      input('custom', 'Your own yes/no questions, one per line ("no" declines)', {
        type: 'plain_text_input',
        action_id: 'custom_input',
        multiline: true,
        max_length: 2000,
        ...(custom.length ? { initial_value: truncate(custom.join('\n'), 2000) } : {}),
      }),
      input('reset', 'Or', {
        type: 'checkboxes',
        action_id: 'reset_select',
        options: [{ text: plain('Reset to the default policy', 75), value: 'reset' }],
      }),
      ...(opts.team ? [scopeInput()] : []),
      context('Leave everything unticked and empty to keep the policy as it is.'),
    ],
  };
}

function scopeInput(): types.InputBlock {
  const me = option('Just me', POLICY_SCOPE.me);
  return input(
    'scope',
    'Save it for',
    {
      type: 'radio_buttons',
      action_id: 'scope_select',
      options: [me, option('Everyone in this workspace without a policy of their own', POLICY_SCOPE.team)],
      initial_option: me,
    },
    false,
  );
}

/** Opened at once when the policy is slow to load (a click's trigger expires in 3 seconds), then replaced. */
export function loadingPolicyModal(): types.ModalView {
  return {
    type: 'modal',
    title: plain('Edit policy'),
    close: plain('Cancel'),
    blocks: [section('Loading your policy…')],
  };
}
