import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { BUILT_IN_CRITERIA } from '../../../src/core/criteria.js';
import { PLATFORM_IDS } from '../../../src/core/platforms.js';
import type { CriterionSpec, PolicyView } from '../../../src/service/index.js';
import { encodeCustomId } from '../custom-id.js';
import { clip } from '../render.js';
import { renderPolicies } from '../render-records.js';
import { privateFlags, userRefOf } from '../to-core.js';
import { type Ctx, tell } from './boundary.js';

/** Platforms shown when none is named: the ones whose defaults the product is about. */
const MAIN = ['linkedin', 'facebook'] as const;

/** `/triage policy [platform]`: the criteria that apply to the user, where they come from, and Edit buttons. */
export async function onPolicy(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const user = userRefOf(i.user);
  const platform = i.options.getString('platform');
  const shown = platform === null ? MAIN : [platform];
  const views = shown.map((p) => ctx.service.policies.show(user, p));
  await i.reply({ ...renderPolicies(views), flags: privateFlags(i) });
}

/** The platform option's choices: Discord allows 25, and the catalog is smaller. */
export const PLATFORM_CHOICES = PLATFORM_IDS.slice(0, 25);

/** Edit: the clicker's own policy for that platform, in a form. Whose message it was does not matter. */
export async function onPolicyEdit(i: ButtonInteraction, platform: string, ctx: Ctx): Promise<void> {
  await i.showModal(policyModal(ctx.service.policies.show(userRefOf(i.user), platform)));
}

/** The form sent back: built-in questions ticked, the user's own typed one per line, or back to the default. */
export async function onPolicyModal(i: ModalSubmitInteraction, platform: string, ctx: Ctx): Promise<void> {
  const builtIn = selected(i, 'builtin');
  const reset = selected(i, 'reset').includes('reset');
  const custom = typed(i, 'custom')
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean)
    .map((question): CriterionSpec => ({ question, onFail: 'decline' }));
  const spec: CriterionSpec[] = [...builtIn, ...custom];
  if (!reset && spec.length === 0) {
    await tell(i, ctx, 'Nothing was ticked or typed, so your policy stays as it was.');
    return;
  }
  const user = userRefOf(i.user);
  // A bad policy (too many questions, one too long) throws a TriageError: the boundary shows it, nothing is saved.
  const saved = reset ? ctx.service.policies.reset(user, platform) : ctx.service.policies.set(user, platform, spec);
  await i.reply({ content: 'Saved.', ...renderPolicies([saved]), flags: privateFlags(i) });
}

function policyModal(view: PolicyView): ModalBuilder {
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
  return new ModalBuilder()
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
}

/** A form field's values; a field missing from a tampered submission reads as empty. */
function selected(i: ModalSubmitInteraction, id: string): readonly string[] {
  try {
    return i.fields.getStringSelectValues(id);
  } catch {
    return [];
  }
}

function typed(i: ModalSubmitInteraction, id: string): string {
  try {
    return i.fields.getTextInputValue(id) ?? '';
  } catch {
    return '';
  }
}
