/**
 * collectGarbage: what a crash or restart left behind. Deletions whose purge
 * was cut short are finished; imports whose importer stopped renewing them
 * before they were committed are removed (they were never visible); the
 * lists of staged chats of committed imports are dropped.
 */

import type { StoreContext } from "./context.ts";
import {
  importChatsPrefix,
  importsPrefix,
  pendingPrefix,
  trashPrefix,
} from "@/lib/kv_keys.ts";
import { abandonImport } from "./import_abandon.ts";
import type { ImportRecord } from "./import_state.ts";
import { deletePrefix } from "./kv_limits.ts";
import { purgeChatData } from "./purge.ts";

/**
 * Cleans up; returns how many chats' and imports' leftovers it removed.
 * Old-layout imports left pending longer than `pendingOlderThanMs` go too.
 */
export async function collectGarbage(
  ctx: StoreContext,
  pendingOlderThanMs = 3_600_000,
): Promise<number> {
  const now = ctx.now().getTime();
  const cutoff = now - pendingOlderThanMs;
  const victims: [string, string][] = [];
  for await (const entry of ctx.kv.list<string>({ prefix: trashPrefix() })) {
    victims.push([entry.key[1] as string, entry.key[2] as string]);
  }
  for await (const entry of ctx.kv.list<string>({ prefix: pendingPrefix() })) {
    const since = Date.parse(entry.value);
    if (!(since > cutoff)) {
      victims.push([entry.key[1] as string, entry.key[2] as string]);
    }
  }
  for (const [owner, id] of victims) await purgeChatData(ctx, owner, id);
  let removed = victims.length;
  const imports = ctx.kv.list<ImportRecord>({ prefix: importsPrefix() });
  for await (const { key, value } of imports) {
    const [owner, importId] = [key[1] as string, key[2] as string];
    if (value.status === "committed") {
      await deletePrefix(ctx.kv, importChatsPrefix(owner, importId));
    } else if (!(Date.parse(value.aliveUntil) > now)) {
      if (await abandonImport(ctx, owner, importId)) removed++;
    }
  }
  return removed;
}
