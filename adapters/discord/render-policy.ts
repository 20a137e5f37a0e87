import { LabelBuilder, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { BUILT_IN_CRITERIA } from '../../src/core/criteria.js';
import type { PolicyView } from '../../src/service/index.js';
import { encodeCustomId } from './custom-id.js';
import { clip } from './render.js';

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
    .setMaxLength(2000);
  if (custom.length > 0) own.setValue(custom.join('\n').slice(0, 2000));
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
