/**
 * The client address of a request. The socket's peer is the client unless
 * it is a proxy the operator trusts (`TRUSTED_PROXIES`); then
 * `X-Forwarded-For` is read from its right end, skipping trusted proxies,
 * so a client cannot choose its address by sending the header itself. Limits
 * count IPv4 addresses one by one and IPv6 addresses per /64, the block one
 * subscriber usually holds.
 */

/** An address block: an IP and how many leading bits of it count. */
export interface Cidr {
  bytes: Uint8Array;
  bits: number;
}

/** The bytes of an IPv4 or IPv6 address, or null when `text` is not one. */
export function parseIp(text: string): Uint8Array | null {
  const ip = text.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    return parts.every((n) => n <= 255) ? Uint8Array.from(parts) : null;
  }
  if (!/^[0-9a-f:.]+$/i.test(ip) || !ip.includes(":")) return null;
  let tail: number[] = [];
  let head = ip;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted) {
    const v4bytes = parseIp(dotted[2]);
    if (!v4bytes) return null;
    head = dotted[1] + "0:0";
    tail = [...v4bytes];
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string) => part ? part.split(":") : [];
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array(missing).fill("0"), ...right];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 255];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  const out = Uint8Array.from(bytes);
  // An IPv4-mapped IPv6 address is its IPv4 address.
  const mapped = out.slice(0, 12).every((b, i) => b === (i >= 10 ? 255 : 0));
  return mapped ? out.slice(12) : out;
}

/** An IP or CIDR block (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1`); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [ip, bitsText, extra] = text.trim().split("/");
  if (extra !== undefined) return null;
  const bytes = parseIp(ip);
  if (!bytes) return null;
  const max = bytes.length * 8;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (!/^\d*$/.test(bitsText ?? "") || !(bits >= 0 && bits <= max)) return null;
  return { bytes, bits };
}

/** Whether `ip` lies in `block`. */
export function inCidr(ip: Uint8Array, block: Cidr): boolean {
  if (ip.length !== block.bytes.length) return false;
  for (let bit = 0; bit < block.bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    const byte = bit >> 3;
    if ((ip[byte] & mask) !== (block.bytes[byte] & mask)) return false;
  }
  return true;
}

/** Where a request came from, as the socket and the headers tell. */
export interface ClientSource {
  /** The socket's peer. */
  peer: string;
  /** The `X-Forwarded-For` header, if any. */
  forwardedFor: string | null;
  trustedProxies: Cidr[];
}

const trusted = (ip: Uint8Array | null, proxies: Cidr[]) =>
  !!ip && proxies.some((block) => inCidr(ip, block));

/**
 * The client's address: the peer, or, when the peer is a trusted proxy, the
 * rightmost `X-Forwarded-For` entry that is not a trusted proxy.
 */
export function clientAddress(source: ClientSource): string {
  const { peer, forwardedFor, trustedProxies } = source;
  if (!trusted(parseIp(peer), trustedProxies) || !forwardedFor) return peer;
  const hops = forwardedFor.split(",").map((hop) => hop.trim());
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = parseIp(hops[i]);
    if (!ip) break; // a malformed hop: trust nothing further left
    client = hops[i];
    if (!trusted(ip, trustedProxies)) break;
  }
  return client;
}

/** What limits count an address as: an IPv4 address, or an IPv6 address's /64. */
export function addressSubject(address: string): string {
  const ip = parseIp(address);
  if (!ip) return address.slice(0, 64);
  if (ip.length === 4) return ip.join(".");
  const groups = [];
  for (let i = 0; i < 8; i += 2) {
    groups.push(((ip[i] << 8) | ip[i + 1]).toString(16));
  }
  return `${groups.join(":")}::/64`;
}
