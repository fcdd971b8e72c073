// Rate limits of the city's receiver, per client address and per upload token: sliding windows
// whose memory stays bounded however many addresses knock.
import net from 'node:net';

export interface RateLimit { max: number; windowMs: number }

/** Past this many keys the least recently seen is forgotten. */
export const MAX_KEYS = 10_000;

/**
 * Hits per key in a sliding window. Keys are kept in the order of their last hit, so the stale
 * ones are at the front: each hit drops the expired keys there and, past `maxKeys`, the least
 * recently seen; no hit scans the whole map. A key keeps only its last `max` hits (all a wait needs).
 */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: RateLimit, private readonly now: () => number, private readonly maxKeys = MAX_KEYS) {}

  /** Keys held now (tests). */
  get size(): number {
    return this.hits.size;
  }

  /** Milliseconds until the key may go on; 0 when it may now. */
  wait(key: string): number {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.limit.windowMs);
    return recent.length >= this.limit.max ? recent[recent.length - this.limit.max]! + this.limit.windowMs - now : 0;
  }

  hit(key: string): void {
    const now = this.now();
    const since = now - this.limit.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    recent.push(now);
    if (recent.length > this.limit.max) recent.splice(0, recent.length - this.limit.max);
    // Re-inserted: the key moves to the back, behind every key seen before it.
    this.hits.delete(key);
    this.hits.set(key, recent);
    for (const [stale, list] of this.hits) {
      if (this.hits.size <= this.maxKeys && list[list.length - 1]! > since) break;
      this.hits.delete(stale);
    }
  }
}

/**
 * The key a client address is limited under: an IPv4 address as it is (an IPv4-mapped IPv6 one
 * too), an IPv6 address by its /64 (what one subscriber or host usually has, every address of
 * which it can use), anything else (a proxy's odd header) as text, cut short.
 */
export function addressKey(address: string): string {
  const plain = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped) return mapped[1]!;
  if (!net.isIPv6(plain)) return plain.slice(0, 64);
  return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of a valid IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  let text = address;
  // A dotted IPv4 tail (64:ff9b::192.0.2.1) is the last two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}
