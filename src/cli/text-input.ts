import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError, UsageError } from './args.js';

/** Far above the 20,000 characters the service takes, so it can say how long the text was; a limit on memory. */
const MAX_BYTES = 1_000_000;

export interface TextSource {
  stdin: Readable & { isTTY?: boolean };
  cwd: string;
}

/**
 * The invitation text: the positionals joined, `-` for standard input, `--file <path>`, or standard input when no
 * text is given and it is not a terminal (a pipe or a redirect).
 */
export async function readText(positionals: readonly string[], file: string | undefined, src: TextSource) {
  if (file !== undefined) {
    if (positionals.length > 0) throw new UsageError('give the text or --file, not both');
    return readTextFile(resolve(src.cwd, file));
  }
  if (positionals.length === 1 && positionals[0] === '-') return readStream(src.stdin);
  if (positionals.includes('-')) throw new UsageError('"-" (read standard input) must be the only text argument');
  if (positionals.length > 0) return positionals.join(' ');
  if (src.stdin.isTTY) {
    throw new UsageError('give the invitation text, "-" to read it from standard input, or --file <path>');
  }
  return readStream(src.stdin);
}

async function readTextFile(path: string): Promise<string> {
  const unreadable = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    return new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`);
  };
  const info = await stat(path).catch((err: unknown) => Promise.reject(unreadable(err)));
  if (info.isDirectory()) throw new InputError(`cannot read ${path}: it is a folder`);
  if (info.size > MAX_BYTES) throw new InputError(`${path} is over 1 MB: that is not an invitation`);
  return readFile(path, 'utf8').catch((err: unknown) => Promise.reject(unreadable(err)));
}

async function readStream(stream: Readable): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) {
    text += chunk;
    if (text.length > MAX_BYTES) {
      stream.destroy();
      throw new InputError('standard input is over 1 MB: that is not an invitation');
    }
  }
  return text;
}
