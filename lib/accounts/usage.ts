/**
 * Spend and tokens per owner, day and model, counted with KV's atomic sums
 * (no read-modify-write, so answers ending together all count), and the
 * month's spend on the operator's key, which budgets check.
 */
import { spendKey, usageKey, usagePrefix } from "@/lib/kv_keys.ts";

/** Deletes every usage figure and month's spend of an owner (a deleted account). */
export async function forgetUsage(kv: Deno.Kv, owner: string): Promise<void> {
  for (const prefix of [usagePrefix(owner), ["spend", owner]]) {
    for await (const entry of kv.list({ prefix })) await kv.delete(entry.key);
  }
}

/** Costs are counted in nano-USD: whole numbers for KvU64 sums. */
const NANO = 1e9;
const DAY_MS = 86_400_000;
const FIELDS = ["cost", "prompt", "completion", "answers"] as const;

/** The UTC day of `time`, "YYYY-MM-DD". */
export const dayOf = (time: number): string =>
  new Date(time).toISOString().slice(0, 10);
/** The UTC month of `time`, "YYYY-MM". */
export const monthOf = (time: number): string =>
  new Date(time).toISOString().slice(0, 7);

/** One answer's usage. */
export interface AnswerUsage {
  owner: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** USD. */
  cost: number;
  /** Paid with the operator's key: counts against the monthly limit. */
  operatorKey: boolean;
  now?: number;
}

/** One row of the usage table: a day and a model. */
export interface UsageRow {
  day: string;
  model: string;
  /** USD. */
  cost: number;
  promptTokens: number;
  completionTokens: number;
  answers: number;
}

/** The cost of an answer from the model's prices (USD per million tokens); 0 when unknown. */
export function estimateCost(
  usage: { promptTokens: number; completionTokens: number },
  pricing: { prompt: number; completion: number } | undefined,
): number {
  if (!pricing || pricing.prompt < 0 || pricing.completion < 0) return 0;
  return (usage.promptTokens * pricing.prompt +
    usage.completionTokens * pricing.completion) / 1e6;
}

const u64 = (n: number) => new Deno.KvU64(BigInt(Math.max(0, Math.round(n))));

/** Counts one answer. */
export async function recordUsage(
  kv: Deno.Kv,
  usage: AnswerUsage,
): Promise<void> {
  const now = usage.now ?? Date.now();
  const day = dayOf(now);
  const model = usage.model.slice(0, 200);
  const values = {
    cost: usage.cost * NANO,
    prompt: usage.promptTokens,
    completion: usage.completionTokens,
    answers: 1,
  };
  const op = kv.atomic();
  for (const field of FIELDS) {
    op.sum(usageKey(usage.owner, day, model, field), u64(values[field]).value);
  }
  if (usage.operatorKey) {
    op.sum(spendKey(usage.owner, monthOf(now)), u64(values.cost).value);
  }
  await op.commit();
}

/** USD the owner spent on the operator's key in the UTC month of `now`. */
export async function monthSpend(
  kv: Deno.Kv,
  owner: string,
  now = Date.now(),
): Promise<number> {
  const entry = await kv.get<Deno.KvU64>(spendKey(owner, monthOf(now)));
  return Number(entry.value?.value ?? 0n) / NANO;
}

/** The owner's usage per day and model over the last `days` days (UTC), oldest first. */
export async function usageRows(
  kv: Deno.Kv,
  owner: string,
  options: { days?: number; now?: number } = {},
): Promise<UsageRow[]> {
  const now = options.now ?? Date.now();
  const first = dayOf(now - ((options.days ?? 30) - 1) * DAY_MS);
  const rows = new Map<string, UsageRow>();
  for await (
    const entry of kv.list<Deno.KvU64>({
      start: [...usagePrefix(owner), first],
      end: [...usagePrefix(owner), "\uffff"],
    })
  ) {
    const [, , day, model, field] = entry.key as string[];
    const id = `${day}\n${model}`;
    const row = rows.get(id) ??
      { day, model, cost: 0, promptTokens: 0, completionTokens: 0, answers: 0 };
    const value = Number(entry.value.value);
    if (field === "cost") row.cost = value / NANO;
    else if (field === "prompt") row.promptTokens = value;
    else if (field === "completion") row.completionTokens = value;
    else if (field === "answers") row.answers = value;
    rows.set(id, row);
  }
  return [...rows.values()].sort((a, b) =>
    a.day.localeCompare(b.day) || a.model.localeCompare(b.model)
  );
}

/** The last `days` UTC days ending with today's, oldest first. */
export function lastDays(days: number, now = Date.now()): string[] {
  return Array.from(
    { length: days },
    (_, i) => dayOf(now - (days - 1 - i) * DAY_MS),
  );
}
