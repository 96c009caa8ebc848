/**
 * The benchmarks' users and data: signed session cookies (the app runs with
 * BENCH_SESSION_SECRET), request headers, the chat store on the app's KV
 * file, and a small concurrency pool.
 */
import { ChatStore } from "@/lib/chats/store/mod.ts";
import {
  importSessionKey,
  newOwnerId,
  signSession,
} from "@/lib/security/session.ts";
import { BENCH_SESSION_SECRET } from "./harness.ts";

/** A session of a (new, unless given) owner: the owner id and its Cookie header. */
export async function session(
  owner = newOwnerId(),
): Promise<{ owner: string; cookie: string }> {
  const key = await importSessionKey(BENCH_SESSION_SECRET);
  const value = await signSession(owner, Date.now(), key);
  return { owner, cookie: `chatai_session=${value}` };
}

/** The model of chats the benchmarks seed (the app's default). */
export const BENCH_MODEL = "meta-llama/llama-3-8b-instruct";

/** Opens the KV file at `path` with the app's chat store on it; close `kv` before the app starts. */
export async function openStore(
  path: string,
): Promise<{ kv: Deno.Kv; store: ChatStore }> {
  const kv = await Deno.openKv(path);
  const store = new ChatStore(kv, { defaults: { model: BENCH_MODEL } });
  await store.migrate();
  return { kv, store };
}

/** Headers of a same-origin request from `cookie`'s owner to `appUrl`. */
export function headersFor(
  appUrl: string,
  cookie: string,
  json = false,
): Headers {
  const headers = new Headers({
    Cookie: cookie,
    Origin: appUrl,
    "Accept-Language": "en",
  });
  if (json) headers.set("Content-Type", "application/json");
  return headers;
}

/** Runs `task` over `items` with at most `width` at once. */
export async function pool<T, R>(
  items: T[],
  width: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, worker),
  );
  return results;
}
