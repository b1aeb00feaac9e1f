import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Addresses a fetch of a URL someone pasted must never reach (OWASP SSRF): loopback, private
 * networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * "this network", and their IPv6 forms (IPv4-mapped addresses included).
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1] as string);
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 0 || a === 10 || a === 127 || a >= 224 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  if (isIP(address) === 6) {
    const v = address.toLowerCase();
    return v === '::' || v === '::1' || /^f[cd]/.test(v) || /^fe[89ab]/.test(v) || /^ff/.test(v) || v.startsWith('64:ff9b:') || v.startsWith('2001:db8:');
  }
  return true;
}

export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or local address: only public web pages can be read`);
    this.name = 'PrivateAddressError';
  }
}

/** `host:port` entries allowed although private (tests and local stand-ins only). */
export interface AddressPolicy {
  allowedHosts?: readonly string[];
}

const hostPort = (url: URL) => `${url.hostname.replace(/^\[|\]$/g, '')}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`.toLowerCase();

/** Throws when the URL names a private IP literal (names are checked when they resolve). */
export function checkUrlAddress(url: URL, policy: AddressPolicy): void {
  if ((policy.allowedHosts ?? []).includes(hostPort(url))) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) throw new PrivateAddressError(host, host);
  if (host === 'localhost' || host.endsWith('.localhost')) throw new PrivateAddressError(host, 'loopback');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for undici's connector that refuses private answers: checked where the socket
 * connects, so a name that resolves differently the second time (DNS rebinding) cannot slip
 * through between a check and the request.
 */
export function guardedLookup(policy: AddressPolicy) {
  const allowedNames = new Set((policy.allowedHosts ?? []).map((entry) => entry.replace(/:\d+$/, '')));
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const bad = allowedNames.has(hostname.toLowerCase()) ? undefined : list.find((entry) => isPrivateAddress(entry.address));
      if (bad) return callback(Object.assign(new PrivateAddressError(hostname, bad.address), { code: 'EPRIVATE' }), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    });
  };
}
