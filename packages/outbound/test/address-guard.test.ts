import { describe, expect, it } from '@jest/globals';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from '../src';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.9', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true], // cloud metadata
    ['100.64.0.1', true], // carrier-grade NAT
    ['0.0.0.0', true],
    ['::1', true],
    ['fd12::1', true],
    ['fe80::1', true],
    ['::ffff:10.0.0.1', true], // IPv4-mapped
    ['93.184.216.34', false],
    ['172.32.0.1', false],
    ['2a00:1450:4001:80b::200e', false],
  ])('%s → %s', (address, expected) => expect(isPrivateAddress(address)).toBe(expected));
});

const lookup = (policy: Parameters<typeof guardedLookup>[0], host: string) =>
  new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
    guardedLookup(policy)(host, {}, (error, address) => resolve({ error, address })),
  );

describe('guardedLookup', () => {
  it('refuses a name whose answer is private, where the socket would connect', async () => {
    const { error } = await lookup({}, 'localhost');
    expect(error).toBeInstanceOf(PrivateAddressError);
    expect(error?.code).toBe('EPRIVATE');
  });

  it('lets an allowed name through to its private answer (tests, local stand-ins)', async () => {
    const { error, address } = await lookup({ allowedHosts: ['localhost:8080'] }, 'localhost');
    expect(error).toBeNull();
    expect(isPrivateAddress(String(address))).toBe(true);
  });
});
