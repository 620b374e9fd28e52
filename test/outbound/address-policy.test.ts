import { checkAddress, hostAllowed, ipv6Groups, parseAllowList } from '../../src/outbound/address-policy';

/** The outbound address policy on a table: no test sends traffic anywhere. */
const hostOf = (url: string) => new URL(url).hostname;

describe('checkAddress', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'site-local'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'reserved protocol'],
    ['::ffff:127.0.0.1', 'loopback address written as IPv6'],
    ['::ffff:7f00:1', 'loopback address written as IPv6'],
    ['::ffff:169.254.169.254', 'link-local address (where cloud metadata services live) written as IPv6'],
    ['::ffff:10.0.0.1', 'private address written as IPv6'],
    ['::127.0.0.1', 'loopback address written as IPv6'],
    ['64:ff9b::a9fe:a9fe', 'link-local address (where cloud metadata services live) written as IPv6'],
    ['2002:7f00:1::', 'loopback address written as IPv6'],
    ['100::1', 'discard'],
    ['4000::1', 'outside the global unicast range'],
    ['example.org', 'not an IP address'],
  ])('when the address is %s, then it is refused (%s)', (address, reason) => {
    const verdict = checkAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? '' : verdict.reason).toContain(reason);
  });

  test.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '2002:0808:0808::1',
  ])('when the address is the public %s, then it is allowed', (address) => {
    expect(checkAddress(address)).toEqual({ allowed: true });
  });

  test.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://[::ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['http://169.254.169.254.nip/', '169.254.169.254.nip'],
  ])('when a URL spells its host oddly (%s), then the URL parser gives %s, and the policy judges that', (url, host) => {
    expect(hostOf(url)).toBe(host);
    if (host !== '169.254.169.254.nip') expect(checkAddress(host).allowed).toBe(false);
  });

  test('when IPv6 is written in its short forms, then the groups are the full eight', () => {
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('2001:db8::8:800:200c:417a')).toEqual([0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a]);
    expect(ipv6Groups('::ffff:192.0.2.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201]);
    expect(ipv6Groups('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('the operator allow-list (OUTBOUND_ALLOW_HOSTS)', () => {
  const list = parseAllowList(' cms.internal , 127.0.0.1:8080,[::1]:9000 ');

  test('when a host is listed without a port, then any port of it passes; with a port, only that port', () => {
    expect(list).toEqual(['cms.internal', '127.0.0.1:8080', '[::1]:9000']);
    expect(hostAllowed(list, new URL('https://CMS.internal/x'))).toBe(true);
    expect(hostAllowed(list, new URL('http://cms.internal:81/x'))).toBe(true);
    expect(hostAllowed(list, new URL('http://127.0.0.1:8080/'))).toBe(true);
    expect(hostAllowed(list, new URL('http://127.0.0.1:8081/'))).toBe(false);
    expect(hostAllowed(list, new URL('http://[::1]:9000/'))).toBe(true);
    expect(hostAllowed(list, new URL('http://cms.internal.evil.example/'))).toBe(false);
  });

  test('when the setting is empty, then nothing is allowed beyond the policy', () => {
    expect(parseAllowList(undefined)).toEqual([]);
    expect(parseAllowList(' , ')).toEqual([]);
    expect(hostAllowed([], new URL('http://127.0.0.1/'))).toBe(false);
  });
});
