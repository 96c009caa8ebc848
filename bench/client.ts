/**
 * The benchmarks' light HTTP client side: requests to the app and straight
 * to the fake, and stream readers that look for a marker without parsing
 * every event, so the client takes little CPU from the server.
 */
import { headersFor } from "./app_data.ts";

/** When a streamed response's parts arrived, in `performance.now()` ms. */
export interface StreamTiming {
  status: number;
  /** Request sent. */
  sent: number;
  /** Response headers received. */
  headers: number;
  /** First chunk containing `needle`; NaN when it never came. */
  first: number;
  /** Last chunk containing `needle`. */
  last: number;
  /** Body fully read. */
  end: number;
  /** The last 4 KB of the body. */
  tail: string;
}

/** Sends `request`, reads its whole body, and times the first `needle`. */
export async function timeStream(
  request: () => Promise<Response>,
  needle: string,
): Promise<StreamTiming> {
  const sent = performance.now();
  const res = await request();
  const headers = performance.now();
  let first = NaN;
  let last = NaN;
  let tail = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body ?? []) {
    const text = decoder.decode(chunk, { stream: true });
    tail = (tail + text).slice(-4096);
    if (text.includes(needle)) last = performance.now();
    if (Number.isNaN(first) && tail.includes(needle)) {
      first = last = performance.now();
    }
  }
  return {
    status: res.status,
    sent,
    headers,
    first,
    last,
    end: performance.now(),
    tail,
  };
}

/** Creates a chat as `cookie`'s owner; returns its id. */
export async function createChat(
  appUrl: string,
  cookie: string,
): Promise<string> {
  const res = await fetch(`${appUrl}/api/chats`, {
    method: "POST",
    headers: headersFor(appUrl, cookie, true),
    body: "{}",
  });
  if (res.status !== 201) {
    throw new Error(`create chat: ${res.status} ${await res.text()}`);
  }
  return (await res.json()).chat.id;
}

/** Starts `POST /api/chats/:id/messages`; the response is the event stream. */
export function sendMessage(
  appUrl: string,
  cookie: string,
  chatId: string,
  content: string,
): Promise<Response> {
  return fetch(`${appUrl}/api/chats/${chatId}/messages`, {
    method: "POST",
    headers: headersFor(appUrl, cookie, true),
    body: JSON.stringify({ content }),
  });
}

/** Asks the fake for a streamed completion directly, as the app would. */
export function completeDirect(
  fakeUrl: string,
  apiKey: string,
): Promise<Response> {
  return fetch(`${fakeUrl}/chat/completions`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiKey}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "meta-llama/llama-3-8b-instruct",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    }),
  });
}

/** `GET /api/chats/:id` as `cookie`'s owner. */
export async function getChat(
  appUrl: string,
  cookie: string,
  chatId: string,
): Promise<{ messages: { role: string; status: string; content: string }[] }> {
  const res = await fetch(`${appUrl}/api/chats/${chatId}`, {
    headers: headersFor(appUrl, cookie),
  });
  if (res.status !== 200) {
    throw new Error(`get chat: ${res.status} ${await res.text()}`);
  }
  return await res.json();
}
