import { userInfo } from 'node:os';
import { serviceOver } from '../compose.js';
import { ConfigError, loadConfig } from '../config.js';
import { isTriageError } from '../core/errors.js';
import { systemClock } from '../core/ports.js';
import { openDatabase } from '../store/db.js';
import { UsageError } from './args.js';
import { COMMANDS } from './commands.js';

const USAGE = `invite-triage <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.usage.split('\n')[1]?.trim() ?? ''}`)
  .join('\n')}

"invite-triage <command> --help" shows a command's options. The database is DATABASE_PATH (./data/invite-triage.db).`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`invite-triage: unknown command "${name.slice(0, 40)}"\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: invite-triage ${command.usage}\n`);
    return 0;
  }
  let service: ReturnType<typeof serviceOver> | null = null;
  const open = () => {
    if (!service) service = serviceOver(openDatabase(loadConfig(process.env).databasePath), systemClock);
    return service;
  };
  const user = { provider: 'console' as const, workspace: 'local', userId: userInfo().username || 'me' };
  try {
    await command.run(rest, { service: open, user, out: (s) => process.stdout.write(`${s}\n`) });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`invite-triage ${name}: ${err.message}\nusage: invite-triage ${command.usage}\n`);
      return 2;
    }
    if (isTriageError(err) || err instanceof ConfigError) {
      process.stderr.write(`invite-triage ${name}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    (service as ReturnType<typeof serviceOver> | null)?.stores.db.$client.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
