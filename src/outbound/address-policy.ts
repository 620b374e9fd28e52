import net from 'node:net';

/**
 * Where a server-side request may go, decided on addresses, not on names (a name can point
 * anywhere and change between look-ups). Pure functions: the fetcher resolves a host, asks
 * here about every address it got, and connects only to an address this allowed.
 *
 * Refused: loopback, private and unique-local, link-local (cloud metadata lives at
 * 169.254.169.254 and fe80::/10), shared address space, multicast, broadcast, unspecified,
 * documentation, benchmarking and reserved ranges, for IPv4 and IPv6, including IPv4 written
 * inside IPv6 (mapped, translated, 6to4). Odd IPv4 spellings (2130706433, 0x7f.1, 127.1) are
 * normalised by the WHATWG URL parser before they get here.
 */

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

interface Range {
  base: number[];
  bits: number;
  reason: string;
}

const v4 = (cidr: string, reason: string): Range => {
  const [address, bits] = cidr.split('/');
  return { base: address.split('.').map(Number), bits: Number(bits), reason };
};

const IPV4_REFUSED: Range[] = [
  v4('0.0.0.0/8', 'an unspecified ("this network") address'),
  v4('10.0.0.0/8', 'a private address'),
  v4('100.64.0.0/10', 'a shared (carrier-grade NAT) address'),
  v4('127.0.0.0/8', 'a loopback address'),
  v4('169.254.0.0/16', 'a link-local address (where cloud metadata services live)'),
  v4('172.16.0.0/12', 'a private address'),
  v4('192.0.0.0/24', 'a reserved protocol address'),
  v4('192.0.2.0/24', 'a documentation address'),
  v4('192.88.99.0/24', 'a reserved relay address'),
  v4('192.168.0.0/16', 'a private address'),
  v4('198.18.0.0/15', 'a benchmarking address'),
  v4('198.51.100.0/24', 'a documentation address'),
  v4('203.0.113.0/24', 'a documentation address'),
  v4('224.0.0.0/4', 'a multicast address'),
  v4('240.0.0.0/4', 'a reserved address'),
];

function inRange(value: number[], range: Range, unitBits: number): boolean {
  let remaining = range.bits;
  for (let i = 0; remaining > 0; i++, remaining -= unitBits) {
    const take = Math.min(unitBits, remaining);
    const mask = ((1 << unitBits) - 1) ^ ((1 << (unitBits - take)) - 1);
    if ((value[i] & mask) !== (range.base[i] & mask)) return false;
  }
  return true;
}

function checkIPv4(octets: number[]): AddressVerdict {
  const refused = IPV4_REFUSED.find((range) => inRange(octets, range, 8));
  return refused ? { allowed: false, reason: refused.reason } : { allowed: true };
}

/** The eight 16-bit groups of an IPv6 address (with any dotted IPv4 tail folded in). */
export function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const v6 = (base: number[], bits: number, reason: string): Range => ({ base: [...base, ...new Array<number>(8 - base.length).fill(0)], bits, reason });

const IPV6_REFUSED: Range[] = [
  v6([], 128, 'an unspecified address'),
  v6([0, 0, 0, 0, 0, 0, 0, 1], 128, 'a loopback address'),
  v6([0x0100], 64, 'a discard-only address'),
  v6([0x2001, 0x0db8], 32, 'a documentation address'),
  v6([0x2001], 23, 'a reserved protocol address (Teredo and others)'),
  v6([0xfc00], 7, 'a unique-local (private) address'),
  v6([0xfe80], 10, 'a link-local address'),
  v6([0xfec0], 10, 'a site-local address'),
  v6([0xff00], 8, 'a multicast address'),
];

function embeddedIPv4(groups: number[]): number[] | null {
  const tail = [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255];
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return tail; // ::ffff:a.b.c.d (mapped)
  if (zeros(0, 6)) return tail; // ::a.b.c.d (compatible, deprecated)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return tail; // 64:ff9b::/96 (NAT64)
  if (groups[0] === 0x2002) return [groups[1] >> 8, groups[1] & 255, groups[2] >> 8, groups[2] & 255]; // 6to4
  return null;
}

function checkIPv6(groups: number[]): AddressVerdict {
  const refused = IPV6_REFUSED.find((range) => inRange(groups, range, 16));
  if (refused) return { allowed: false, reason: refused.reason };
  const inner = embeddedIPv4(groups);
  if (inner) {
    const verdict = checkIPv4(inner);
    return verdict.allowed ? verdict : { allowed: false, reason: `${verdict.reason} written as IPv6` };
  }
  if ((groups[0] & 0xe000) !== 0x2000) return { allowed: false, reason: 'an address outside the global unicast range' };
  return { allowed: true };
}

/** Whether a literal IP address (v4 or v6, with or without brackets) may be connected to. */
export function checkAddress(address: string): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return checkIPv4(bare.split('.').map(Number));
  if (net.isIPv6(bare)) return checkIPv6(ipv6Groups(bare));
  return { allowed: false, reason: 'not an IP address' };
}

/** The operator's exceptions (OUTBOUND_ALLOW_HOSTS): `host` (any port) or `host:port`, lower-case. */
export function parseAllowList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether a URL's host is on the operator's allow-list; then its addresses are not checked. */
export function hostAllowed(allowList: string[], url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowList.some((entry) => entry === host || entry === `${host}:${port}`);
}
