/**
 * Import of ChatGPT's `conversations.json` (an array of conversations, or one
 * conversation object). A conversation is a tree of nodes in `mapping`; an
 * edited prompt or a regenerated answer starts a branch. Only the branch the
 * user last saw is imported: from `current_node` up through `parent` to the
 * root, reversed (without `current_node`, the newest leaf stands in). Nodes
 * without a message, system/tool messages, hidden ones, tool calls and
 * non-text parts (images, code runs) are left out silently; a conversation
 * left with no text is skipped with a warning. `create_time` is epoch seconds.
 */
import { z } from "zod";
import type { Role } from "@/lib/chats/types.ts";
import type { ImportContext } from "./context.ts";
import { parseOrThrow } from "./schema_errors.ts";
import { isoInZone } from "./timestamp.ts";
import { chatTitle } from "./titles.ts";
import type { ImportedChat, ImportedMessage } from "./types.ts";

const Message = z.object({
  id: z.string().optional(),
  author: z.object({ role: z.string() }),
  content: z.object({
    content_type: z.string(),
    parts: z.array(z.unknown()).nullish(),
  }),
  create_time: z.number().nullish(),
  recipient: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const Node = z.object({
  id: z.string().optional(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
  message: Message.nullish(),
});

const Conversation = z.object({
  id: z.string().nullish(),
  conversation_id: z.string().nullish(),
  title: z.string().nullish(),
  create_time: z.number().nullish(),
  update_time: z.number().nullish(),
  mapping: z.record(z.string(), Node),
  current_node: z.string().nullish(),
});

type NodeData = z.infer<typeof Node>;

/** Whether parsed JSON looks like a ChatGPT export. */
export function isChatgptJson(data: unknown): boolean {
  const first = Array.isArray(data) ? data[0] : data;
  return typeof first === "object" && first !== null && "mapping" in first;
}

/** Reads every conversation that has text; see the module notes. */
export function parseChatgpt(
  data: unknown,
  context: ImportContext,
): ImportedChat[] {
  const list = Array.isArray(data) ? data : [data];
  const chats: ImportedChat[] = [];
  list.forEach((raw, index) => {
    const position = { chat: index + 1 };
    const conversation = parseOrThrow(Conversation, raw, position);
    const branch = currentBranch(
      conversation.mapping,
      conversation.current_node,
    ).flatMap((node) => toMessage(node, conversation.create_time, context));
    const messages = branch.map((entry) => entry.message);
    if (messages.length === 0) {
      context.warnings.add("import.warning.empty_chat", {
        title: conversation.title ?? "",
      }, position);
      return;
    }
    const { title, titleFixed } = chatTitle(
      conversation.title,
      messages,
      { ...context, filename: undefined },
    );
    const id = conversation.conversation_id ?? conversation.id;
    chats.push({
      ...(id && { sourceId: id }),
      title,
      titleFixed,
      pinned: false,
      createdAt: epochIso(conversation.create_time, context) ??
        messages[0].createdAt,
      updatedAt: epochIso(conversation.update_time, context) ??
        messages.at(-1)!.createdAt,
      settings: {},
      messages,
      sourceMessageIds: branch.map((entry) => entry.sourceId),
    });
  });
  return chats;
}

function currentBranch(
  mapping: Record<string, NodeData>,
  currentNode: string | null | undefined,
): NodeData[] {
  let id = currentNode && mapping[currentNode]
    ? currentNode
    : newestLeaf(mapping);
  const branch: NodeData[] = [];
  const seen = new Set<string>();
  // `seen` guards against a parent cycle in a damaged file.
  while (id && mapping[id] && !seen.has(id)) {
    seen.add(id);
    branch.push(mapping[id]);
    id = mapping[id].parent ?? undefined;
  }
  return branch.reverse();
}

function newestLeaf(mapping: Record<string, NodeData>): string | undefined {
  let best: string | undefined;
  let bestTime = -Infinity;
  for (const [id, node] of Object.entries(mapping)) {
    if (node.children?.some((child) => child in mapping)) continue;
    const time = node.message?.create_time ?? 0;
    if (best === undefined || time >= bestTime) [best, bestTime] = [id, time];
  }
  return best;
}

const TEXT_TYPES = new Set(["text", "multimodal_text"]);

function toMessage(
  node: NodeData,
  fallbackTime: number | null | undefined,
  context: ImportContext,
): { message: ImportedMessage; sourceId: string | null }[] {
  const message = node.message;
  if (!message) return [];
  const role = message.author.role;
  if (role !== "user" && role !== "assistant") return [];
  if (!TEXT_TYPES.has(message.content.content_type)) return [];
  if (message.recipient && message.recipient !== "all") return [];
  const metadata = message.metadata ?? {};
  if (metadata.is_visually_hidden_from_conversation === true) return [];
  const content = (message.content.parts ?? [])
    .filter((part): part is string => typeof part === "string")
    .join("\n\n");
  if (content.trim() === "") return [];
  const out: ImportedMessage = {
    role: role as Role,
    content,
    createdAt: epochIso(message.create_time ?? fallbackTime, context) ??
      isoInZone(context.now.getTime(), context.timeZone),
    status: "complete",
  };
  if (role === "assistant" && typeof metadata.model_slug === "string") {
    out.model = metadata.model_slug;
  }
  return [{ message: out, sourceId: message.id ?? node.id ?? null }];
}

const LAST_SECOND_OF_9999 = 253_402_300_799;

function epochIso(
  seconds: number | null | undefined,
  context: ImportContext,
): string | undefined {
  // Past the year 9999 no ISO date (and no export) can hold it: left to the
  // fallback, as a missing time is.
  if (
    seconds == null || !Number.isFinite(seconds) || seconds < 0 ||
    seconds > LAST_SECOND_OF_9999
  ) {
    return undefined;
  }
  return isoInZone(Math.round(seconds * 1000), context.timeZone);
}
