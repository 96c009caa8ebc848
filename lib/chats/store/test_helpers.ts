/** Helpers for the chat store tests: KV spies, key dumps, sample text. */

import { ChatStore, type ChatStoreOptions } from "./mod.ts";

/** One write seen by a spied KV. */
export interface SeenMutation {
  kind: "set" | "delete" | "sum";
  key: Deno.KvKey;
}

/** A KV that records every mutation committed through it. */
export interface SpiedKv {
  kv: Deno.Kv;
  mutations: SeenMutation[];
  commits: number;
}

/** Wraps a KV so that the mutations the store makes can be counted. */
export function spyKv(inner: Deno.Kv): SpiedKv {
  const spied: SpiedKv = { kv: inner, mutations: [], commits: 0 };
  const wrapOp = (op: Deno.AtomicOperation): Deno.AtomicOperation => {
    const pending: SeenMutation[] = [];
    const proxy: Deno.AtomicOperation = new Proxy(op, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (prop === "set" || prop === "delete" || prop === "sum") {
            pending.push({ kind: prop, key: args[0] as Deno.KvKey });
          }
          const result = value.apply(target, args);
          if (prop !== "commit") return result === target ? proxy : result;
          return (result as Promise<Deno.KvCommitResult>).then((r) => {
            spied.commits++;
            if (r.ok) spied.mutations.push(...pending);
            return r;
          });
        };
      },
    });
    return proxy;
  };
  spied.kv = new Proxy(inner, {
    get(target, prop) {
      if (prop === "atomic") return () => wrapOp(target.atomic());
      if (prop === "set" || prop === "delete") {
        return (key: Deno.KvKey, ...rest: unknown[]) => {
          spied.mutations.push({ kind: prop, key });
          spied.commits++;
          // deno-lint-ignore no-explicit-any
          return (target[prop] as any)(key, ...rest);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return spied;
}

/** Every key in a KV, for asserting what is left behind. */
export async function allKeys(kv: Deno.Kv): Promise<Deno.KvKey[]> {
  const keys: Deno.KvKey[] = [];
  for await (const entry of kv.list({ prefix: [] })) keys.push(entry.key);
  return keys;
}

/** Runs a test body with a fresh in-memory KV and store, closing the KV. */
export async function withStore(
  body: (store: ChatStore, kv: Deno.Kv) => Promise<void>,
  options: ChatStoreOptions = {},
): Promise<void> {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new ChatStore(kv, {
      defaults: { title: "New chat", model: "test/model" },
      ...options,
    });
    await body(store, kv);
  } finally {
    kv.close();
  }
}

const PIECES = [
  "Selamat pagi! Apa kabar hari ini? ",
  "Saya sedang belajar memasak rendang. ",
  "😀🎉👩‍💻🇮🇩",
  "你好，世界。这是一个测试。",
  "日本語のテキスト、",
  "한국어 문장입니다. ",
  "naïve café – “quotes” ",
  "\n\n```ts\nconst x = 1;\n```\n",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ",
];

/** Mixed Indonesian, emoji, CJK and code text of at least `units` UTF-16 units. */
export function mixedText(units: number, seed = 1): string {
  const parts: string[] = [];
  let length = 0;
  let state = seed;
  while (length < units) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const piece = PIECES[state % PIECES.length];
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

/**
 * A KV whose writes (atomic commits, set, delete) fail once `budget.writes`
 * have gone through, as a full disk would: every later write fails, or only
 * the next `budget.failures` ones.
 */
export function exhaustibleKv(
  inner: Deno.Kv,
  budget: { writes: number; failures?: number },
): Deno.Kv {
  const spend = () => {
    if (budget.writes > 0) {
      budget.writes--;
      return;
    }
    if (budget.failures === undefined || budget.failures-- > 0) {
      throw new Error("database or disk is full (injected)");
    }
  };
  const wrapOp = (op: Deno.AtomicOperation): Deno.AtomicOperation => {
    const proxy: Deno.AtomicOperation = new Proxy(op, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (prop === "commit") {
            try {
              spend();
            } catch (error) {
              return Promise.reject(error);
            }
          }
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === "atomic") return () => wrapOp(target.atomic());
      if (prop === "set" || prop === "delete") {
        return async (key: Deno.KvKey, ...rest: unknown[]) => {
          spend();
          // deno-lint-ignore no-explicit-any
          return await (target[prop] as any)(key, ...rest);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
