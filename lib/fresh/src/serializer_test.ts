import { type Signal, signal } from "@preact/signals";
import {
  assert,
  assertEquals,
  assertStringIncludes,
  assertThrows,
} from "@/tests/assert.ts";
import { serialize, SerializeError } from "./serializer.ts";
import { deserialize } from "./deserializer.ts";

const roundTrip = (value: unknown) =>
  deserialize(JSON.parse(serialize(value)), signal);

Deno.test("serialize() counts the signals it meets, so only pages holding one load signal()", () => {
  const none = { signals: 0 };
  serialize([{ a: 1, b: [new Date(0)] }], undefined, none);
  assertEquals(none.signals, 0);
  const shared = signal(1);
  const some = { signals: 0 };
  serialize([{ a: shared, b: shared, c: signal(2) }], undefined, some);
  assertEquals(some.signals, 2);
});

Deno.test("deserialize() without signal() refuses signal props instead of reviving them dead", () => {
  const text = serialize([{ count: signal(1) }]);
  assertThrows(() => deserialize(JSON.parse(text)), Error, "signal runtime");
});

Deno.test("serialize() round-trips JSON values, Date, Map, Set, URL and odd numbers", () => {
  const value = {
    text: "halo 👋 </script>",
    list: [1, null, true, undefined],
    when: new Date("2026-11-24T05:00:00.000Z"),
    map: new Map<unknown, unknown>([["a", 1], [2, new Set(["x"])]]),
    url: new URL("https://example.com/a?b=c"),
    odd: [NaN, Infinity, -Infinity, -0],
    big: 10n ** 20n,
    tricky: { _f: "d", v: "not a date" },
  };
  assertEquals(roundTrip(value), value);
});

Deno.test("serialize() keeps one signal shared by two props as one live signal", () => {
  const count = signal(3);
  const [a, b] = roundTrip([{ count }, { count, other: signal("x") }]) as {
    count: Signal<number>;
  }[];
  assert(a.count === b.count, "the same signal comes back twice");
  assertEquals(a.count.value, 3);
  b.count.value = 4;
  assertEquals(a.count.value, 4);
});

Deno.test("serialize() refuses a function prop, naming where it is", () => {
  const error = assertThrows(
    () =>
      serialize(
        [{ onClick: () => {} }],
        (path) => `Island "Counter" prop "${path.slice(1).join(".")}"`,
      ),
    SerializeError,
  );
  assertStringIncludes(
    error.message,
    'Island "Counter" prop "onClick" is a function',
  );
});

Deno.test("serialize() refuses cycles and class instances", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assertThrows(() => serialize(cyclic), SerializeError, "cycles");
  assertThrows(
    () => serialize({ x: new (class Thing {})() }),
    SerializeError,
    "Thing",
  );
});

Deno.test("serialize() output cannot close the script element it sits in", () => {
  const json = serialize({ html: "</script><script>alert(1)</script><!--" });
  assert(!json.includes("<"), json);
  assertEquals(roundTrip({ html: "</script>" }), { html: "</script>" });
});

Deno.test("serialize() sends a Uint8Array prop as its bytes, which come back as a Uint8Array", () => {
  const bytes = new Uint8Array([0, 1, 127, 128, 255]);
  const back = roundTrip({ bytes, empty: new Uint8Array() }) as {
    bytes: Uint8Array;
    empty: Uint8Array;
  };
  assert(back.bytes instanceof Uint8Array);
  assertEquals([...back.bytes], [0, 1, 127, 128, 255]);
  assertEquals(back.empty.length, 0);
  // Large ones too (more than one slice of the encoder).
  const big = new Uint8Array(100_000).map((_, i) => i % 251);
  assertEquals(roundTrip(big), big);
});
