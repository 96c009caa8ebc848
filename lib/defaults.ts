/**
 * The values the app falls back to when the environment or a file says
 * nothing, each defined once: lib/config.ts, the chat store, the importer
 * and the commands all read them from here.
 */

/** The model of new chats unless `DEFAULT_MODEL` names another. */
export const DEFAULT_MODEL = "meta-llama/llama-3-8b-instruct";

/** The zone of times without one unless `APP_TIMEZONE` names another. */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

/** 20 MB: the largest import file unless `IMPORT_MAX_BYTES` says otherwise. */
export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The most messages one chat holds unless `MAX_MESSAGES_PER_CHAT` says otherwise. */
export const DEFAULT_MAX_MESSAGES_PER_CHAT = 2000;
