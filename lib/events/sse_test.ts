import { assertEquals } from "@/tests/assert.ts";
import { parseSse, SseDecoder, type SseEvent } from "./sse.ts";

const encoder = new TextEncoder();

/** Runs `chunks` through a fresh decoder, as a stream would deliver them. */
function decode(chunks: Uint8Array[]): SseEvent[] {
  const decoder = new SseDecoder();
  const events = chunks.flatMap((chunk) => decoder.push(chunk));
  return [...events, ...decoder.end()];
}

function data(text: string, extra: Partial<SseEvent> = {}): SseEvent {
  return { type: "event", event: "message", data: text, ...extra } as SseEvent;
}

const sample = [
  ": OPENROUTER PROCESSING\n\n",
  'data: {"text":"Halo, apa kabar? 👋🏽"}\n\n',
  "event: note\r\ndata: 你好\r\ndata:世界\r\nid: 7\r\n\r\n",
  ": keep-alive\r\r",
  "data: é at the end\r\n\r\n",
  "data: [DONE]\n\n",
].join("");

const sampleEvents: SseEvent[] = [
  { type: "comment", text: "OPENROUTER PROCESSING" },
  data('{"text":"Halo, apa kabar? 👋🏽"}'),
  { type: "event", event: "note", data: "你好\n世界", id: "7" },
  { type: "comment", text: "keep-alive" },
  data("é at the end", { id: "7" }),
  data("[DONE]", { id: "7" }),
];

Deno.test("SseDecoder parses the sample stream in one chunk", () => {
  assertEquals(decode([encoder.encode(sample)]), sampleEvents);
});

Deno.test("SseDecoder gives the same events for a split at every byte offset", () => {
  const bytes = encoder.encode(sample);
  for (let i = 0; i <= bytes.length; i++) {
    const events = decode([bytes.subarray(0, i), bytes.subarray(i)]);
    assertEquals(events, sampleEvents, `split at byte ${i}`);
  }
});

Deno.test("SseDecoder gives the same events for two splits at every pair of offsets", () => {
  const bytes = encoder.encode(sample);
  for (let i = 0; i <= bytes.length; i += 3) {
    for (let j = i; j <= bytes.length; j++) {
      const chunks = [
        bytes.subarray(0, i),
        bytes.subarray(i, j),
        bytes.subarray(j),
      ];
      assertEquals(decode(chunks), sampleEvents, `splits at ${i} and ${j}`);
    }
  }
});

Deno.test("SseDecoder parses the sample stream fed byte by byte", () => {
  const bytes = encoder.encode(sample);
  const chunks = [...bytes].map((byte) => Uint8Array.of(byte));
  assertEquals(decode(chunks), sampleEvents);
});

Deno.test("SseDecoder joins a line split inside a UTF-8 character", () => {
  const bytes = encoder.encode("data: 😀\n\n");
  // The emoji's four bytes start at offset 6: cut between each of them.
  for (const cut of [7, 8, 9]) {
    const events = decode([bytes.subarray(0, cut), bytes.subarray(cut)]);
    assertEquals(events, [data("😀")]);
  }
});

Deno.test("SseDecoder treats LF, CRLF and CR alike as line endings", () => {
  for (const eol of ["\n", "\r\n", "\r"]) {
    const text = `data: a${eol}data: b${eol}${eol}: c${eol}`;
    assertEquals(decode([encoder.encode(text)]), [
      data("a\nb"),
      { type: "comment", text: "c" },
    ], JSON.stringify(eol));
  }
});

Deno.test("SseDecoder reads a CRLF split across two chunks as one line break", () => {
  const events = decode([
    encoder.encode("data: a\r"),
    encoder.encode("\ndata: b\r"),
    encoder.encode("\n\r"),
    encoder.encode("\n"),
  ]);
  assertEquals(events, [data("a\nb")]);
});

Deno.test("SseDecoder surfaces comment lines as comment events", () => {
  assertEquals(decode([encoder.encode(":ping\n: OPENROUTER PROCESSING\n")]), [
    { type: "comment", text: "ping" },
    { type: "comment", text: "OPENROUTER PROCESSING" },
  ]);
});

Deno.test("SseDecoder reads fields without a space after the colon", () => {
  const text = "event:delta\ndata:x\nid:1\nretry:3000\n\n";
  assertEquals(decode([encoder.encode(text)]), [
    { type: "event", event: "delta", data: "x", id: "1", retry: 3000 },
  ]);
});

Deno.test("SseDecoder keeps only one leading space of a value", () => {
  assertEquals(decode([encoder.encode("data:  two\n\n")]), [data(" two")]);
});

Deno.test("SseDecoder reads a field without a colon as an empty value", () => {
  assertEquals(decode([encoder.encode("data\ndata\n\n")]), [data("\n")]);
});

Deno.test("SseDecoder ignores unknown fields and events without data", () => {
  const text = "foo: bar\n\nevent: lonely\n\ndata: after\n\n";
  assertEquals(decode([encoder.encode(text)]), [data("after")]);
});

Deno.test("SseDecoder delivers a final event without a trailing blank line", () => {
  assertEquals(decode([encoder.encode("data: a\n\ndata: last")]), [
    data("a"),
    data("last"),
  ]);
  assertEquals(decode([encoder.encode("data: [DONE]\n")]), [data("[DONE]")]);
});

Deno.test("SseDecoder skips a byte order mark at the start", () => {
  const bytes = Uint8Array.of(
    0xef,
    0xbb,
    0xbf,
    ...encoder.encode("data: x\n\n"),
  );
  assertEquals(decode([bytes.subarray(0, 2), bytes.subarray(2)]), [data("x")]);
});

Deno.test("parseSse turns a byte stream into events", async () => {
  const bytes = encoder.encode(sample);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 5) {
        controller.enqueue(bytes.subarray(i, i + 5));
      }
      controller.close();
    },
  });
  const events = await Array.fromAsync(parseSse(body));
  assertEquals(events, sampleEvents);
});
