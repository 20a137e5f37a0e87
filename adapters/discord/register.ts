import { registerCommands } from './register-commands.js';

// `npm run discord:register`: the process around registerCommands.
registerCommands(process.env).then(
  (line) => process.stdout.write(`${line}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
