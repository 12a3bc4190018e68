import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** `PANTAU_TRUST_PROXY` as a number of proxy hops: `true` is one proxy, `false` none. */
export const trustedProxyHops = (trustProxy: boolean | number): number => (trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy);

export type ClientAddress = { address: string; readable: true } | { address: null; readable: false; reason: string };

/** `203.0.113.9`, `[2001:db8::1]:443`, `203.0.113.9:4711`, `::ffff:10.0.0.1` → the bare address, or null. */
function normalise(entry: string | undefined): string | null {
  const text = entry?.trim() ?? '';
  const candidate = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text)?.[1] ?? text;
  if (!isIP(candidate)) return null;
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(candidate)?.[1] ?? candidate.toLowerCase();
}

/**
 * The client's address. Each proxy appends the address it received the request from to
 * X-Forwarded-For, so only the entries the trusted proxies wrote can be believed: with N trusted
 * proxies the client is the Nth entry from the right (the last untrusted hop). Entries further left are
 * whatever the client chose to send and are never read.
 */
export function clientAddressFrom(input: { forwardedFor?: string | undefined; socket: string | undefined; trustedHops: number }): ClientAddress {
  if (input.trustedHops <= 0) {
    const address = normalise(input.socket);
    return address ? { address, readable: true } : { address: null, readable: false, reason: 'no socket address' };
  }
  if (input.forwardedFor === undefined || input.forwardedFor.trim() === '')
    return { address: null, readable: false, reason: 'no X-Forwarded-For from the trusted proxy' };
  const hops = input.forwardedFor.split(',');
  if (hops.length < input.trustedHops)
    return { address: null, readable: false, reason: `X-Forwarded-For has fewer entries than PANTAU_TRUST_PROXY (${input.trustedHops})` };
  const address = normalise(hops[hops.length - input.trustedHops]);
  return address ? { address, readable: true } : { address: null, readable: false, reason: 'X-Forwarded-For entry is not an IP address' };
}

/** The caller's address for rate limits and the audit trail (see clientAddressFrom). */
export function clientAddress(c: Context, trustProxy: boolean | number): ClientAddress {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
  }
  return clientAddressFrom({ forwardedFor: c.req.header('x-forwarded-for'), socket, trustedHops: trustedProxyHops(trustProxy) });
}

/**
 * The key sign-in throttling files a request under. An unreadable address gets a key of its own
 * (`unreadable:<request id>`) rather than a shared 'unknown' bucket, which would let a few bad guesses
 * lock out everyone whose address cannot be read; those requests are still held by the per-account
 * ceiling, and each one is logged so a misconfigured proxy shows up.
 */
export function throttleAddress(c: Context, trustProxy: boolean | number, log: (line: string) => void): string {
  const client = clientAddress(c, trustProxy);
  if (client.readable) return client.address;
  const requestId = c.get('requestId' as never) as string;
  log(`[${requestId}] client address unreadable (${client.reason}) on ${c.req.method} ${c.req.path}: throttled under its own key`);
  return `unreadable:${requestId}`;
}
