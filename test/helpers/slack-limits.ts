import type { RecordedCall } from './slack-fake-api.js';

/** Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit): what one payload may hold. */
const L = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  checkboxOptions: 10,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  textInputMax: 3000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

type Obj = Record<string, unknown>;
const text = (o: unknown): string =>
  typeof o === 'object' && o && typeof (o as Obj).text === 'string' ? ((o as Obj).text as string) : '';
const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);

/** Every limit a recorded call breaks, as readable lines; empty when the payload is valid. */
export function limitViolations(call: RecordedCall): string[] {
  const out: string[] = [];
  const at = (where: string) => (ok: boolean, what: string) => {
    if (!ok) out.push(`${call.method} ${where}: ${what}`);
  };
  const body = call.body;
  if (len(body.text) > L.messageText) out.push(`${call.method}: text over ${L.messageText}`);
  if (Array.isArray(body.blocks)) {
    at('message')(body.blocks.length <= L.messageBlocks, `${body.blocks.length} blocks > ${L.messageBlocks}`);
    for (const [i, b] of body.blocks.entries()) checkBlock(b as Obj, at(`block ${i}`));
  }
  const view = body.view as Obj | undefined;
  if (view) {
    const check = at('view');
    const blocks = (view.blocks as Obj[]) ?? [];
    check(blocks.length <= L.viewBlocks, `${blocks.length} blocks > ${L.viewBlocks}`);
    check(len(text(view.title)) <= L.viewTitle, 'title too long');
    check(len(text(view.submit)) <= L.viewButton, 'submit too long');
    check(len(text(view.close)) <= L.viewButton, 'close too long');
    check(len(view.private_metadata) <= L.privateMetadata, 'private_metadata too long');
    check(len(view.callback_id) <= L.callbackId, 'callback_id too long');
    for (const [i, b] of blocks.entries()) checkBlock(b, at(`view block ${i}`));
  }
  return out;
}

function checkBlock(b: Obj, check: (ok: boolean, what: string) => void): void {
  check(len(b.block_id) <= L.blockId, 'block_id too long');
  switch (b.type) {
    case 'section': {
      check(len(text(b.text)) <= L.sectionText, `section text ${len(text(b.text))} > ${L.sectionText}`);
      check(b.text !== undefined || b.fields !== undefined, 'section needs text or fields');
      const fields = (b.fields as Obj[] | undefined) ?? [];
      check(fields.length <= L.sectionFields, 'too many fields');
      for (const f of fields) check(len(text(f)) <= L.fieldText, 'field text too long');
      if (b.accessory) checkElement(b.accessory as Obj, check);
      break;
    }
    case 'header':
      check(len(text(b.text)) <= L.headerText, `header ${len(text(b.text))} > ${L.headerText}`);
      check((b.text as Obj)?.type === 'plain_text', 'header text must be plain_text');
      break;
    case 'context': {
      const elements = (b.elements as Obj[]) ?? [];
      check(elements.length >= 1 && elements.length <= L.contextElements, 'context element count');
      for (const e of elements) check(len(e.text) <= L.sectionText, 'context text too long');
      break;
    }
    case 'actions': {
      const elements = (b.elements as Obj[]) ?? [];
      check(elements.length >= 1 && elements.length <= L.actionsElements, 'actions element count');
      const ids = elements.map((e) => e.action_id);
      check(new Set(ids).size === ids.length, 'duplicate action_id in one block');
      for (const e of elements) checkElement(e, check);
      break;
    }
    case 'input':
      check(len(text(b.label)) <= L.inputLabel, 'input label too long');
      check(len(text(b.hint)) <= L.inputHint, 'input hint too long');
      checkElement(b.element as Obj, check);
      break;
    case 'divider':
      break;
    default:
      check(false, `unexpected block type ${String(b.type)}`);
  }
}

function checkElement(e: Obj, check: (ok: boolean, what: string) => void): void {
  check(len(e.action_id) <= L.actionId, 'action_id too long');
  check(len(text(e.placeholder)) <= L.placeholder, 'placeholder too long');
  if (e.confirm) {
    const c = e.confirm as Obj;
    check(len(text(c.title)) <= L.confirmTitle && len(text(c.text)) <= L.confirmText, 'confirm too long');
    check(len(text(c.confirm)) <= L.confirmButton && len(text(c.deny)) <= L.confirmButton, 'confirm button too long');
  }
  switch (e.type) {
    case 'button':
      check(len(text(e.text)) <= L.buttonText, `button text ${len(text(e.text))} > ${L.buttonText}`);
      check(len(e.value) <= L.buttonValue, 'button value too long');
      check(len(e.url) <= L.buttonUrl, 'button url too long');
      break;
    case 'static_select':
    case 'checkboxes':
    case 'radio_buttons': {
      const options = (e.options as Obj[]) ?? [];
      const max = e.type === 'static_select' ? L.selectOptions : L.checkboxOptions;
      check(options.length >= 1 && options.length <= max, `${options.length} options (max ${max})`);
      for (const o of [
        ...options,
        ...((e.initial_options as Obj[]) ?? []),
        ...(e.initial_option ? [e.initial_option as Obj] : []),
      ]) {
        check(len(text(o.text)) <= L.optionText, 'option text too long');
        check(len(o.value) <= L.optionValue, 'option value too long');
      }
      break;
    }
    case 'plain_text_input':
      check(len(e.initial_value) <= L.textInputMax, 'initial_value too long');
      check(e.max_length === undefined || (e.max_length as number) <= L.textInputMax, 'max_length over 3000');
      break;
    default:
      check(false, `unexpected element type ${String(e.type)}`);
  }
}

/** Violations across every call the fake recorded. */
export function allViolations(calls: RecordedCall[]): string[] {
  return calls.flatMap(limitViolations);
}
