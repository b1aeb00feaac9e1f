import { describe, expect, it } from '@jest/globals';
import { clientKey } from '../src/services/client-key';

describe('clientKey (whom a rate limit counts)', () => {
  it.each([
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an IPv4-mapped IPv6 address, as a dual-stack socket reports IPv4 clients', '::ffff:203.0.113.7', '203.0.113.7'],
    ['the same, spelled in hex', '::ffff:cb00:7107', '203.0.113.7'],
    ['an IPv6 address, by its /64', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['another address of that /64', '2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['an IPv6 address with a zone', 'fe80::1%eth0', 'fe80::/64'],
    ['IPv6 loopback', '::1', '::/64'],
  ])('keys %s', (_name, ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('keys neighbouring /64s apart', () => {
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
  });

  it('puts everything that is not an address into one shared bucket', () => {
    expect(clientKey('not an address')).toBe('invalid');
    expect(clientKey(undefined)).toBe('invalid');
    expect(clientKey('')).toBe('invalid');
  });
});
