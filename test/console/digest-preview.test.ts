import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../helpers/builders.js';
import { tempDir } from '../helpers/run-process.js';
import { runCli } from './cli-harness.js';
import { session } from './terminal-harness.js';

describe('the digest preview shows the digest that will be sent next: the week so far', () => {
  it('GIVEN time logged this week WHEN "digest" is typed THEN it shows this week, headed as a preview; "digest last" shows last week', async () => {
    // Wednesday 8 January 2025: the week of 6-12 January is under way.
    const { service, db } = aService();
    const screen = await session(service, ['time linkedin 25m at work', 'digest', 'digest last', 'digest monday']);
    db.$client.close();
    const [current, last] = screen.split(/(?=^== )/m).slice(1);
    expect(current).toMatch(/^== Your week so far, 6 Jan – 12 Jan \(a preview of your next digest\) ==\n/);
    expect(current).toContain('LinkedIn 25m, no budget · work 25m, home 0m');
    expect(current).not.toContain('You logged no time');
    expect(last).toMatch(/^== Your week, 30 Dec – 5 Jan ==\n/);
    expect(last).toContain('A quiet week: nothing triaged, nothing deferred and no time logged.');
    expect(screen).toContain('Use "digest" for the week so far (your next digest), or "digest last"');
  });

  describe('invite-triage digest --preview', () => {
    let dir: string;
    let cleanup: () => void;
    beforeAll(() => {
      ({ dir, cleanup } = tempDir());
    });
    afterAll(() => cleanup());
    const cli = (args: string[]) => runCli(args, { env: { DATABASE_PATH: join(dir, 'cli.db') }, cwd: dir });

    it('GIVEN time logged now THEN the preview holds it under "so far", and --last is last week as sent', async () => {
      expect((await cli(['time', 'linkedin', '40m', '--at', 'home'])).code).toBe(0);
      const next = await cli(['digest', '--preview']);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout).toMatch(/^== Your week so far, .* \(a preview of your next digest\) ==\n/);
      expect(next.stdout).toContain('LinkedIn 40m, no budget · work 0m, home 40m');
      const json = JSON.parse((await cli(['digest', '--preview', '--json'])).stdout) as { title: string };
      expect(json.title).toMatch(/^Your week so far, /);
      const last = await cli(['digest', '--preview', '--last']);
      expect(last.code, last.stderr).toBe(0);
      expect(last.stdout).toMatch(/^== Your week, [^(]* ==\n/);
      expect(last.stdout).not.toContain('LinkedIn 40m');
      const both = await cli(['digest', '--preview', '--last', '--current']);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('--last and --current name different weeks');
    });
  });
});
