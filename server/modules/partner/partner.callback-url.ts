import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Partner callback URLs are fetched by our servers, so they must not point inside our network
 * (SSRF): loopback, link-local, private, unique-local, CGNAT, multicast and reserved ranges are
 * refused unless STER_ALLOW_PRIVATE_CALLBACKS=true (local development and tests).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fe80::', 10],
  ['fc00::', 7],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

export function privateCallbacksAllowed(): boolean {
  return process.env.STER_ALLOW_PRIVATE_CALLBACKS === 'true';
}

/** True when `address` is one a callback may not reach. IPv4-mapped IPv6 is checked as IPv4. */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) {
    return BLOCKED.check(mapped[1], 'ipv4');
  }
  const family = isIP(address);
  if (family === 0) {
    return true;
  }

  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why `raw` cannot be a partner's confirmation URL (Portuguese, for the back office), or null
 * when it can. Every address the host name resolves to must be public.
 */
export async function callbackUrlProblem(raw: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'URL de confirmação inválida.';
  }
  const allowPrivate = privateCallbacksAllowed();
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return 'A URL de confirmação deve usar https.';
  }
  if (url.username || url.password) {
    return 'A URL de confirmação não pode conter usuário ou senha.';
  }
  if (allowPrivate) {
    return null;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses =
      isIP(host) !== 0
        ? [host]
        : (await dns.lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `Não foi possível resolver o endereço ${host}.`;
  }
  if (addresses.length === 0 || addresses.some(isBlockedAddress)) {
    return 'A URL de confirmação aponta para um endereço interno (loopback, link-local ou privado).';
  }

  return null;
}

/**
 * A DNS lookup for the HTTP client that refuses blocked addresses at connection time, so a host
 * name that changes its answer after validation (DNS rebinding) still cannot reach inside.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);

      return;
    }
    const allowed = privateCallbacksAllowed();
    if (
      !allowed &&
      (addresses.length === 0 || addresses.some((a) => isBlockedAddress(a.address)))
    ) {
      callback(
        Object.assign(new Error(`blocked address for ${hostname}`), { code: 'EBLOCKED' }),
        '',
        0,
      );

      return;
    }
    if (options.all) {
      (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);

      return;
    }
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
};
