import type { Service } from '../../src/service/index.js';
import { renderMessage } from './render.js';
import type { ExtraHandler } from './session.js';

const TEAM = { provider: 'console', workspace: 'local' } as const;

/** The terminal's commands for time use and the digest; each returns the text to print. */
export function featureCommands(service: Service): Record<string, ExtraHandler> {
  return {
    time: async (user, args) =>
      args.trim().toLowerCase() === 'undo'
        ? (await service.time.undoLast(user)).message
        : (await service.time.log(user, args)).message,
    budget: async (user, args) => (await service.time.budget(user, args)).message,
    guidelines: async (_user, args) => {
      // On a terminal the user is their own admin: "guidelines set ok|not-ok <note>".
      const set = /^set\s+(ok|not-ok)\b\s*(.*)$/i.exec(args.trim());
      if (set) {
        const saved = await service.time.setGuidelines(TEAM, {
          workHoursOk: set[1]?.toLowerCase() === 'ok',
          note: set[2],
        });
        return saved.lines.join('\n');
      }
      if (args.trim() !== '') return 'Use "guidelines", or "guidelines set ok|not-ok <what you may say>".';
      return (await service.time.guidelines(TEAM)).lines.join('\n');
    },
    digest: async (user, args) => {
      const which = args.trim().toLowerCase();
      if (which !== '' && which !== 'now' && which !== 'last') {
        return 'Use "digest" for the week so far (your next digest), or "digest last" for last week\'s as sent.';
      }
      return renderMessage(await service.digest.preview(user, { week: which === 'last' ? 'last' : 'current' }));
    },
  };
}

export const FEATURE_HELP = `Time use and the weekly digest:
  time <network> <duration> [at work|at home]   e.g. time linkedin 25m at work (1h30m, 90m, 1.5h)
  time undo                                     removes the last time you logged
  budget <network> <duration> [leads|contacts|friends]   a weekly budget; "budget <network> off" removes it
  guidelines [set ok|not-ok <note>]             the team's guidance on networking at work
  digest [last]                                 your next digest (the week so far), or last week's as sent`;
