import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { UserRef } from '../../../src/core/user.js';
import type { SlackDeps } from '../deps.js';
import type { SlackMessage } from '../render.js';
import type { WebClient } from '../web.js';

/** What a `/triage <subcommand>` handler gets, after the command was acknowledged. */
export interface SubcommandContext {
  user: UserRef;
  /** The text after the subcommand word. */
  arg: string;
  /** The slash command, when it came as one (not typed in the DM). */
  command?: SlashCommand;
  client: WebClient;
  respond?: RespondFn;
  /**
   * Acknowledges the command, optionally with the reply itself. A reply ready within the deadline travels in the
   * ack; once the command was acked (past the deadline, or by a bare ack before Slack API work) it goes through
   * `respond` instead.
   */
  ack: (reply?: SlackMessage) => Promise<void>;
  deps: SlackDeps;
}

/** One `/triage` subcommand: its usage line for help, and its handler. */
export interface Subcommand {
  usage: string;
  run(ctx: SubcommandContext): Promise<void>;
}
