import { Readable } from 'node:stream';
import { main } from '../../src/cli/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One CLI call in this process, as the bin makes it: same command table, with our own streams. Without `stdin`
 * it runs as if typed at a terminal; with it, as if the text were piped in.
 */
export async function runCli(
  args: string[],
  opts: { env: Record<string, string>; cwd: string; stdin?: string },
): Promise<CliRun> {
  const stdin: Readable & { isTTY?: boolean } = Readable.from(opts.stdin === undefined ? [] : [opts.stdin]);
  if (opts.stdin === undefined) stdin.isTTY = true;
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env,
    cwd: opts.cwd,
  });
  return { code, stdout, stderr };
}
