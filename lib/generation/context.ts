/**
 * What is sent to the model: the system prompt, then the last
 * `contextMessages` messages of the chat that are real conversation (no
 * command output, no failed or empty answers), never more than fits the
 * model's context window.
 */
import type { Message } from "@/lib/chats/types.ts";
import type { ChatMessage } from "@/lib/openrouter/client.ts";

/**
 * A rough token count: about 4 bytes of UTF-8 per token for Latin text, and
 * at least one token per CJK character or emoji. Erring high is the safe side.
 */
export function estimateTokens(text: string): number {
  let wide = 0;
  for (const ch of text) if (ch.codePointAt(0)! > 0x2e80) wide++;
  const bytes = new TextEncoder().encode(text).length;
  return Math.ceil(Math.max(bytes / 4, wide)) + 4;
}

/** Whether a message takes part in the conversation the model sees. */
export function isContext(message: Message): boolean {
  if (message.command || message.inactive || message.role === "system") {
    return false;
  }
  if (message.status === "error" || message.status === "streaming") {
    return false;
  }
  return message.content.trim().length > 0;
}

/** Builds the request messages for the turn that ends with `history`'s last message. */
export function buildContext(options: {
  systemPrompt: string;
  history: Message[];
  contextMessages: number;
  /** The model's context window in tokens; room is kept for the answer. */
  contextLength?: number;
}): ChatMessage[] {
  const { systemPrompt, history, contextMessages } = options;
  // 0 means the server did not say (Ollama, LM Studio): assume a small window.
  const window = options.contextLength || 8192;
  const budget = window - Math.max(512, Math.floor(window / 4));
  const system: ChatMessage[] = systemPrompt.trim()
    ? [{ role: "system", content: systemPrompt.trim() }]
    : [];
  let used = system.reduce((n, m) => n + estimateTokens(m.content), 0);
  const picked: ChatMessage[] = [];
  const candidates = history.filter(isContext).slice(-contextMessages);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const message = candidates[i];
    const cost = estimateTokens(message.content);
    // Always keep the newest message: the model must see the question.
    if (picked.length > 0 && used + cost > budget) break;
    used += cost;
    picked.unshift({
      role: message.role as "user" | "assistant",
      content: message.content,
    });
  }
  return [...system, ...picked];
}
