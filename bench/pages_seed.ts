/**
 * Data for the pages benchmark, written through the chat store straight into
 * the app's KV file before the app starts: a chat of 2,000 messages with
 * markdown, and an owner with 10,000 chats.
 */
import type { MessageInit } from "@/lib/chats/store/mod.ts";
import { openStore, pool } from "./app_data.ts";

/** A user question of the 2,000-message chat. */
export function question(i: number): string {
  return `Question ${i}: how do I **sort** a list in \`TypeScript\` without changing the original, and how fast is it?`;
}

/** An assistant answer: heading, code, list, link, table, quote; math in every 5th. */
export function answer(i: number): string {
  const math = i % 5 === 0
    ? "\n\nThe cost is $O(n \\log n)$ comparisons, and $$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$"
    : "";
  return `## Answer ${i}

Use \`toSorted()\`: it returns a *new* array and leaves the old one **as it was**.

\`\`\`ts
const items = [{ name: "a", price: ${i} }, { name: "b", price: 2 }];
const sorted = items.toSorted((a, b) => a.price - b.price);
console.log(sorted.map((item) => item.name).join(", "));
\`\`\`

- works in **Deno** and in every current browser
- keeps \`items\` unchanged, so a UI can compare before and after
- see [MDN](https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Array/toSorted)

| method | changes the array | since |
| --- | --- | --- |
| \`sort\` | yes | ES1 |
| \`toSorted\` | no | ES2023 |

> Tip: sort once, then keep the result.${math}`;
}

/** The owners and chats it wrote. */
export interface Seeded {
  /** Owner of the long chat. */
  longOwner: string;
  longChatId: string;
  /** Characters of markdown in the long chat. */
  longChars: number;
  /** Owner of the many chats; `manyChatId` is their latest. */
  manyOwner: string;
  manyChatId: string;
}

/** Writes the data for owners `longOwner` and `manyOwner` into the KV at `path`. */
export async function seed(
  path: string,
  longOwner: string,
  manyOwner: string,
  options: { messages: number; chats: number },
): Promise<Seeded> {
  const { kv, store } = await openStore(path);
  try {
    const start = Date.now() - options.messages * 60_000;
    const messages: MessageInit[] = [];
    for (let i = 0; i < options.messages / 2; i++) {
      const at = (k: number) =>
        new Date(start + (2 * i + k) * 60_000).toISOString();
      messages.push(
        {
          role: "user",
          content: question(i),
          status: "complete",
          createdAt: at(0),
        },
        {
          role: "assistant",
          content: answer(i),
          status: "complete",
          createdAt: at(1),
        },
      );
    }
    const long = await store.importChat(
      longOwner,
      { title: "A long chat" },
      messages,
    );
    const chars = messages.reduce((n, m) => n + m.content.length, 0);
    const ids = await pool(
      Array.from({ length: options.chats }, (_, i) => i),
      16,
      async (i) => {
        const at = new Date(start + i * 1000).toISOString();
        const chat = await store.createChat(manyOwner, {
          title: `Chat number ${i} about something`,
          createdAt: at,
          updatedAt: at,
        });
        return chat.id;
      },
    );
    const latest = ids.at(-1)!;
    await store.addMessage(manyOwner, latest, {
      role: "user",
      content: question(1),
      status: "complete",
    });
    await store.addMessage(manyOwner, latest, {
      role: "assistant",
      content: answer(1),
      status: "complete",
    });
    return {
      longOwner,
      longChatId: long.id,
      longChars: chars,
      manyOwner,
      manyChatId: latest,
    };
  } finally {
    kv.close();
  }
}
