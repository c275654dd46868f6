import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value, as key paths (the root is []); iterative, so deep values are fine. */
function places(root: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { value: Json; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return out;
}

/** A deeply nested Lexical-like tree, described by its depth so that a failing case prints in one line. */
export interface Deep {
  deep: number;
}

function expand(value: Json | Deep): Json {
  if (value === null || typeof value !== 'object' || !('deep' in value) || typeof value.deep !== 'number') return value as Json;
  let node: Json = { type: 'text', text: 'x', version: 1 };
  for (let i = 0; i < value.deep; i++) node = { type: 'paragraph', version: 1, children: [node] };
  return node;
}

/** Values a hostile or broken writer puts where data belongs. */
export const hostileValue: fc.Arbitrary<Json | Deep> = fc.oneof(
  fc.constantFrom<Json>(null, true, '', '/', '—', '不适用', -1, 0.5, 1e15, 2 ** 53, -0, '2026-13-45', '0000-00-00', '__proto__', 'constructor', '\u0000\u202e', '😀'.repeat(50)),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.integer({ min: 60, max: 3000 }).map((deep): Deep => ({ deep })),
);

export type Mutation = { kind: 'set'; at: number; value: Json | Deep } | { kind: 'delete'; at: number } | { kind: 'add'; at: number; key: string; value: Json | Deep };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'unknown_row', 'x9')), value: hostileValue }),
);

/** A copy of `value` with the mutations applied at places chosen by index (wrapping round). */
export function mutate<T>(value: T, mutations: readonly Mutation[]): T {
  let copy = structuredClone(value) as Json;
  for (const m of mutations) {
    const all = places(copy);
    const path = all[m.at % all.length]!;
    if (path.length === 0) {
      if (m.kind === 'set') copy = expand(m.value);
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, copy) as Record<string, Json> | Json[];
    const key = path[path.length - 1]!;
    if (m.kind === 'set') (parent as Record<string, Json>)[key as string] = expand(m.value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else {
      const target = (parent as Record<string, Json>)[key as string];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: expand(m.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return copy as T;
}
