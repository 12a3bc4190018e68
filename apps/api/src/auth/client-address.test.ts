import { describe, expect, test } from 'vitest';
import { clientAddressFrom, trustedProxyHops } from './client-address.js';

describe('clientAddressFrom', () => {
  test('without a trusted proxy the socket address counts and X-Forwarded-For is ignored', () => {
    expect(clientAddressFrom({ forwardedFor: '203.0.113.9', socket: '198.51.100.4', trustedHops: 0 })).toEqual({ address: '198.51.100.4', readable: true });
  });

  test('behind one trusted proxy the client is the last X-Forwarded-For entry, never the first (which the client writes itself)', () => {
    expect(clientAddressFrom({ forwardedFor: '1.2.3.4, 203.0.113.9', socket: '10.0.0.2', trustedHops: 1 })).toEqual({ address: '203.0.113.9', readable: true });
    expect(clientAddressFrom({ forwardedFor: '203.0.113.9', socket: '10.0.0.2', trustedHops: 1 }).address).toBe('203.0.113.9');
  });

  test('behind two trusted proxies the client is the second entry from the right', () => {
    expect(clientAddressFrom({ forwardedFor: 'spoofed, 203.0.113.9, 10.0.0.3', socket: '10.0.0.2', trustedHops: 2 }).address).toBe('203.0.113.9');
  });

  test('several X-Forwarded-For headers (joined with commas) count as one list', () => {
    expect(clientAddressFrom({ forwardedFor: '1.1.1.1,203.0.113.9 ,  198.51.100.7', socket: '10.0.0.2', trustedHops: 1 }).address).toBe('198.51.100.7');
  });

  test('IPv6 entries, bracketed or with a port, are read; IPv4-mapped IPv6 becomes IPv4', () => {
    expect(clientAddressFrom({ forwardedFor: '2001:db8::1', socket: '10.0.0.2', trustedHops: 1 }).address).toBe('2001:db8::1');
    expect(clientAddressFrom({ forwardedFor: '[2001:db8::1]:4711', socket: '10.0.0.2', trustedHops: 1 }).address).toBe('2001:db8::1');
    expect(clientAddressFrom({ forwardedFor: '203.0.113.9:4711', socket: '10.0.0.2', trustedHops: 1 }).address).toBe('203.0.113.9');
    expect(clientAddressFrom({ socket: '::ffff:127.0.0.1', trustedHops: 0 }).address).toBe('127.0.0.1');
  });

  test('fewer entries than trusted proxies, a missing header or garbage is unreadable, never a made-up address', () => {
    expect(clientAddressFrom({ forwardedFor: undefined, socket: '10.0.0.2', trustedHops: 1 })).toEqual({
      address: null,
      readable: false,
      reason: 'no X-Forwarded-For from the trusted proxy',
    });
    expect(clientAddressFrom({ forwardedFor: '203.0.113.9', socket: '10.0.0.2', trustedHops: 2 }).readable).toBe(false);
    expect(clientAddressFrom({ forwardedFor: 'not-an-address', socket: '10.0.0.2', trustedHops: 1 }).readable).toBe(false);
    expect(clientAddressFrom({ forwardedFor: '203.0.113.9, ', socket: '10.0.0.2', trustedHops: 1 }).readable).toBe(false);
    expect(clientAddressFrom({ socket: undefined, trustedHops: 0 }).readable).toBe(false);
  });
});

describe('trustedProxyHops', () => {
  test('true means one proxy, false none, a number that many', () => {
    expect(trustedProxyHops(true)).toBe(1);
    expect(trustedProxyHops(false)).toBe(0);
    expect(trustedProxyHops(3)).toBe(3);
  });
});
