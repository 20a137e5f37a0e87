/** A command-line usage mistake (a missing argument, an unknown option, a bad option value): exit code 2. */
export class UsageError extends Error {}

/** Input or setup the command refuses (an empty text, a file it cannot read): exit code 1. */
export class InputError extends Error {}

export interface OptionSpec {
  type: 'boolean' | 'string';
  multiple?: boolean;
}

type Value<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['multiple'] extends true
    ? string[]
    : string;

export type Parsed<O extends Record<string, OptionSpec>> = {
  values: { [K in keyof O]?: Value<O[K]> };
  positionals: string[];
};

/**
 * Only a whole argument like `--name` or `--name=value` is an option. Anything else is a positional, so a pasted
 * text that begins with dashes ("---------- Forwarded message ---------") or a "-5m" stays text.
 */
const OPTION = /^--([a-z][a-z0-9-]*)(?:=([\s\S]*))?$/;

/** Splits argv into the command's options and its positionals; `--` ends the options. */
export function parse<O extends Record<string, OptionSpec>>(argv: readonly string[], options: O): Parsed<O> {
  const values: Record<string, boolean | string | string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = OPTION.exec(arg);
    if (!m) {
      positionals.push(arg);
      continue;
    }
    const name = m[1] ?? '';
    const spec = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.type === 'boolean') {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || isKnownOption(next, options)) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (spec.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  return { values, positionals } as Parsed<O>;
}

function isKnownOption(arg: string, options: Record<string, OptionSpec>): boolean {
  const name = OPTION.exec(arg)?.[1];
  return name !== undefined && Object.hasOwn(options, name);
}

/** Whether argv asks for help: `--help` or `-h` before any `--`. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
