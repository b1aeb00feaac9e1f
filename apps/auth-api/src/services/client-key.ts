import ipaddr from 'ipaddr.js';

/**
 * Whom a per-client rate limit counts: an IPv4 address as such, and an IPv6 client by its
 * /64, the smallest network an ISP or cloud provider routes to one customer (any one host
 * can pick from 2^64 addresses inside it, so per-address limits would not hold). IPv4-mapped
 * IPv6 (`::ffff:1.2.3.4`, what a dual-stack socket reports for IPv4 clients) counts as its IPv4
 * address. Whatever is not an address shares one bucket, so nonsense in X-Forwarded-For
 * cannot make up fresh keys.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'invalid';
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const [a, b, c, d] = (address as ipaddr.IPv6).parts;
  return `${new ipaddr.IPv6([a ?? 0, b ?? 0, c ?? 0, d ?? 0, 0, 0, 0, 0]).toString()}/64`;
}
