// The CLI run from its TypeScript source, with the process's own streams: for tests that watch what it loads.
import { main } from '../../src/cli/index.js';

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
