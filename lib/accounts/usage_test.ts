import { assertEquals } from "@/tests/assert.ts";
import { checkBudget, formatUsd, monthlyLimit } from "./budget.ts";
import { estimateCost, monthSpend, recordUsage, usageRows } from "./usage.ts";

const DAY = 86_400_000;
const NOW = Date.parse("2026-12-15T10:00:00Z");

Deno.test("recordUsage() sums answers per day and model; only the operator's key counts toward the month", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const base = { owner: "o1", promptTokens: 10, completionTokens: 5 };
    await Promise.all([
      recordUsage(kv, {
        ...base,
        model: "m/a",
        cost: 0.25,
        operatorKey: true,
        now: NOW,
      }),
      recordUsage(kv, {
        ...base,
        model: "m/a",
        cost: 0.5,
        operatorKey: true,
        now: NOW,
      }),
      recordUsage(kv, {
        ...base,
        model: "m/b",
        cost: 1,
        operatorKey: false,
        now: NOW,
      }),
      recordUsage(kv, {
        ...base,
        model: "m/a",
        cost: 2,
        operatorKey: true,
        now: NOW - 40 * DAY,
      }),
      recordUsage(kv, {
        ...base,
        model: "m/a",
        cost: 9,
        operatorKey: true,
        now: NOW,
        owner: "o2",
      }),
    ]);
    assertEquals(await monthSpend(kv, "o1", NOW), 0.75);
    assertEquals(await usageRows(kv, "o1", { now: NOW }), [
      {
        day: "2026-12-15",
        model: "m/a",
        cost: 0.75,
        promptTokens: 20,
        completionTokens: 10,
        answers: 2,
      },
      {
        day: "2026-12-15",
        model: "m/b",
        cost: 1,
        promptTokens: 10,
        completionTokens: 5,
        answers: 1,
      },
    ]);
  } finally {
    kv.close();
  }
});

Deno.test("estimateCost() prices tokens per million; an unknown or varying price costs 0", () => {
  assertEquals(
    estimateCost({ promptTokens: 1_000_000, completionTokens: 500_000 }, {
      prompt: 1,
      completion: 4,
    }),
    3,
  );
  assertEquals(
    estimateCost({ promptTokens: 10, completionTokens: 10 }, undefined),
    0,
  );
  assertEquals(
    estimateCost({ promptTokens: 10, completionTokens: 10 }, {
      prompt: -1,
      completion: -1,
    }),
    0,
  );
});

Deno.test("checkBudget() refuses once the month's spend reaches the limit; the account's limit wins", () => {
  assertEquals(checkBudget(0.5, undefined), null);
  assertEquals(checkBudget(0.5, 1), null);
  assertEquals(checkBudget(1, 1), { limitUsd: 1, spentUsd: 1 });
  assertEquals(checkBudget(0, 0), { limitUsd: 0, spentUsd: 0 });
  assertEquals(monthlyLimit(2, 5), 2);
  assertEquals(monthlyLimit(null, 5), 5);
  assertEquals(monthlyLimit(null, undefined), undefined);
  assertEquals(formatUsd(0.000123), "$0.00012");
  assertEquals(formatUsd(12.3), "$12.30");
});
