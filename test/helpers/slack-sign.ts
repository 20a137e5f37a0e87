import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Headers as Slack signs a request: v0= HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SendOptions {
  secret?: string;
  timestamp?: number;
  /** Overrides the computed signature, to send a forged one. */
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a body to the app's request URL, signed as Slack would sign it. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: string,
  opts: SendOptions = {},
): Promise<Response> {
  const signed = slackSignature(body, opts.secret, opts.timestamp);
  if (opts.signature) signed['x-slack-signature'] = opts.signature;
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signed, ...opts.headers },
    body,
  });
}
