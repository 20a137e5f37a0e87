import { LabelBuilder, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { BUILT_IN_CRITERIA } from '../../src/core/criteria.js';
import { TriageError } from '../../src/core/errors.js';
import type { PolicyView } from '../../src/service/index.js';
import { encodeCustomId } from './custom-id.js';
import { clip } from './render.js';

/** Discord's most for a text input, value and typed text alike. */
const MAX_TYPED = 4000;
const TOO_LONG =
  'Your own questions are too long to edit in the form without losing some. Nothing was changed; /triage policy shows them all.';

/**
 * The policy form, filled with `view`: built-in questions to tick, the user's own typed one per line, or back
 * to the default. With `serverToo` it also asks whether to save it for everyone in the server.
 */
export function policyModal(view: PolicyView, serverToo: boolean): ModalBuilder {
  const builtIn = new Set(BUILT_IN_CRITERIA.map((c) => c.id));
  const chosen = new Set(view.criteria.filter((c) => builtIn.has(c.id)).map((c) => c.id));
  const custom = view.criteria.filter((c) => !builtIn.has(c.id)).map((c) => c.question);
  const questions = new StringSelectMenuBuilder()
    .setCustomId('builtin')
    .setRequired(false)
    .setMinValues(0)
    .setMaxValues(BUILT_IN_CRITERIA.length)
    .addOptions(
      BUILT_IN_CRITERIA.map((c) => ({
        label: clip(c.question.replaceAll('{name}', 'them'), 100),
        value: c.id,
        default: chosen.has(c.id),
      })),
    );
  const own = new TextInputBuilder()
    .setCustomId('custom')
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(false)
    .setMaxLength(MAX_TYPED);
  // Filled completely, never cut: saving the form unchanged must keep every question. Ten questions of 200
  // characters fit in Discord's 4,000.
  const typed = custom.join('\n');
  if (typed.length > MAX_TYPED) throw new TriageError('too_long', TOO_LONG);
  if (typed.length > 0) own.setValue(typed);
  const reset = new StringSelectMenuBuilder()
    .setCustomId('reset')
    .setRequired(false)
    .setMinValues(0)
    .setMaxValues(1)
    .addOptions({ label: 'Reset to the default policy', value: 'reset' });
  const modal = new ModalBuilder()
    .setCustomId(encodeCustomId({ kind: 'policy_modal', platform: view.platform }))
    .setTitle(clip(`${view.platformName} policy (now: ${view.source})`, 45))
    .addLabelComponents(
      new LabelBuilder().setLabel('Built-in questions').setStringSelectMenuComponent(questions),
      new LabelBuilder()
        .setLabel('Your own yes/no questions')
        .setDescription('One per line. A "no" declines the invitation.')
        .setTextInputComponent(own),
      new LabelBuilder().setLabel('Or').setStringSelectMenuComponent(reset),
    );
  if (serverToo) {
    const scope = new StringSelectMenuBuilder()
      .setCustomId('scope')
      .setRequired(false)
      .setMinValues(0)
      .setMaxValues(1)
      .addOptions(
        { label: 'Just me', value: 'me', default: true },
        { label: 'Everyone in this server without a policy of their own', value: 'server' },
      );
    modal.addLabelComponents(new LabelBuilder().setLabel('Save it for').setStringSelectMenuComponent(scope));
  }
  return modal;
}
