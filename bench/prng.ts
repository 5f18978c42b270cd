// A small seeded pseudo-random generator, so the same seed always writes the same corpus
// on every machine and Node version (Math.random cannot be seeded).

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A derived generator whose sequence depends only on this one's seed and `label`. */
  fork(label: string): Random;
}

/** Creates a generator from a 32-bit seed (32-bit state, multiply-xorshift output mix). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const random: Random = {
    next: () => nextUint32() / 0x100000000,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    chance: (p) => random.next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() needs a non-empty list');
      return items[Math.floor(random.next() * items.length)];
    },
    fork: (label) => createRandom(hashString(label) ^ nextUint32()),
  };
  return random;
}

/** FNV-1a hash of a string, used to derive seeds from labels. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
