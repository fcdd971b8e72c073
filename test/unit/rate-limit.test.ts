// The receiver's rate limits: a sliding window per key whose memory stays bounded however many
// addresses knock, and the key an address counts under (an IPv6 client by its /64).
import { describe, expect, it } from 'vitest';
import { SlidingWindow, addressKey } from '../../electron/server/rate-limit.ts';

describe('SlidingWindow', () => {
  it('waits once a key has had its hits in the window, until the oldest of them has passed', () => {
    let now = 0;
    const w = new SlidingWindow({ max: 2, windowMs: 1000 }, () => now);
    w.hit('a');
    now = 100;
    expect(w.wait('a')).toBe(0);
    w.hit('a');
    expect(w.wait('a')).toBe(900);
    expect(w.wait('b')).toBe(0);
    now = 1000;
    expect(w.wait('a')).toBe(0);
  });

  it('holds at most maxKeys keys: the least recently seen goes first', () => {
    let now = 0;
    const w = new SlidingWindow({ max: 1, windowMs: 60_000 }, () => now, 3);
    for (const key of ['a', 'b', 'c']) {
      w.hit(key);
      now += 1;
    }
    w.hit('a'); // seen again: now the most recent
    w.hit('d');
    expect(w.size).toBe(3);
    expect(w.wait('b')).toBe(0);
    expect(w.wait('a')).toBeGreaterThan(0);
    expect(w.wait('c')).toBeGreaterThan(0);
    expect(w.wait('d')).toBeGreaterThan(0);
  });

  it('forgets keys whose window has passed as new hits come, without waiting for the cap', () => {
    let now = 0;
    const w = new SlidingWindow({ max: 5, windowMs: 1000 }, () => now);
    for (let i = 0; i < 50; i++) w.hit(`addr-${i}`);
    expect(w.size).toBe(50);
    now = 500;
    w.hit('addr-0');
    expect(w.size).toBe(50);
    now = 1001;
    w.hit('fresh');
    // Only the key hit at 500 and the new one are left.
    expect(w.size).toBe(2);
  });

  it('keeps no more hits per key than the limit needs', () => {
    let now = 0;
    const w = new SlidingWindow({ max: 3, windowMs: 10_000 }, () => now);
    for (let i = 0; i < 1000; i++) {
      w.hit('a');
      now += 1;
    }
    // The 3rd-last hit (at 997) decides the wait.
    expect(w.wait('a')).toBe(997 + 10_000 - now);
  });
});

describe('addressKey', () => {
  it('an IPv6 address counts by its /64, however it is written; IPv4 (also IPv4-mapped) as it is', () => {
    expect(addressKey('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('unknown')).toBe('unknown');
    expect(addressKey('x'.repeat(500))).toHaveLength(64);
  });
});
