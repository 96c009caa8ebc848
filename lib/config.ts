/**
 * The app's configuration, read once from the environment (and `.env` through
 * `--env-file`). A bad value stops the start with one line that names the
 * variable, says what is wrong and gives an example of a good value.
 */
import { type Cidr, parseCidr } from "@/lib/security/client_address.ts";
import { isTimeZone } from "@/lib/time_zone.ts";
import { z } from "zod";
import { parse as parseToml } from "smol-toml";
import {
  DEFAULT_MAX_IMPORT_BYTES,
  DEFAULT_MODEL,
  DEFAULT_TIME_ZONE,
} from "./defaults.ts";

/** The validated configuration. */
export interface Config {
  /** Absent when no key is set: the app starts and says so in the UI. */
  openrouterApiKey?: string;
  openrouterBaseUrl: string;
  port: number;
  host: string;
  /**
   * Deno KV's location: a file, `:memory:` or a remote URL; undefined means
   * the platform's own KV (Deno Deploy's managed KV).
   */
  kvPath?: string;
  appPassword?: string;
  sessionSecret?: string;
  defaultModel: string;
  /** Model ids accepted beyond the upstream's list (ALLOWED_MODELS). */
  allowedModels: string[];
  appTimezone: string;
  appUrl: string;
  /** The origin of APP_URL when it is set: the only origin of pages and changes then. */
  publicOrigin?: string;
  /** Cookies are `Secure` (and `__Host-` named) and HSTS is sent: APP_URL is https. */
  secureCookies: boolean;
  /** More origins accepted for changes (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** More host names the app answers to (ALLOWED_HOSTS), lower case. */
  allowedHosts: string[];
  /** Proxies whose `X-Forwarded-For` is believed. */
  trustedProxies: Cidr[];
  appTitle: string;
  /** Largest accepted import file. */
  importMaxBytes: number;
  /** Longest wait for the model's first byte, and between bytes. */
  upstreamTimeoutMs: number;
  /** Longest time one answer may take from request to end. */
  answerDeadlineMs: number;
  /** `max_tokens` sent with every request; none is sent when unset. */
  maxAnswerTokens?: number;
  /** How often a streaming answer's partial text is written to KV. */
  flushIntervalMs: number;
  limits: Limits;
  /** Free disk space kept for deletions: below it, new data is refused. */
  storageReserveBytes: number;
  /** What one owner may store and how fast (imports and new chats). */
  quotas: OwnerQuotas;
  /** Accounts, personal keys and budgets (lib/accounts/). */
  accounts: AccountSettings;
}

/** Who may have an account, and what it may spend. */
export interface AccountSettings {
  /** Anyone may create one, only with an admin's invitation, or nobody. */
  signup: "open" | "invite" | "closed";
  /** Every page and API route asks anonymous visitors to sign in first. */
  required: boolean;
  /** Usernames that are admins (the first account always is). */
  adminUsernames: string[];
  /** Answers need the person's own OpenRouter key; the operator's is never used. */
  personalKeysRequired: boolean;
  /** Encrypts stored OpenRouter keys (AES-GCM); else derived from the session secret. */
  keySecret?: string;
  /** OpenRouter's OAuth page (PKCE). */
  authUrl: string;
  /** USD one person may spend per UTC month on the operator's key; none when unset. */
  monthlyLimitUsd?: number;
  /** Account sign-ins and sign-ups one client address may try per 15 minutes. */
  signInAttempts: number;
}

/** Per-owner quotas and rates of imports and new chats (lib/chats/owner_quota.ts). */
export interface OwnerQuotas {
  /** Chats one owner may hold. */
  chats: number;
  /** Messages one owner may hold, all chats together. */
  messages: number;
  /** Bytes one owner may import per day (what imports add to storage). */
  importBytesPerDay: number;
  /** Imports one owner may start per hour. */
  importsPerHour: number;
  /** Chats one owner may create per minute. */
  chatsPerMinute: number;
}

/** Abuse limits of a public deployment. */
export interface Limits {
  /** Answers one owner may start per minute. */
  generationsPerMinute: number;
  /** Answers one client address (an IPv6 /64) may start per minute. */
  generationsPerAddressPerMinute: number;
  /** Answers the whole deployment may start per minute. */
  generationsGlobalPerMinute: number;
  /** Answers one owner may have running at once (per instance). */
  concurrentPerOwner: number;
  /** Upstream requests this instance runs at once, all owners together. */
  concurrentGenerations: number;
  /** Messages one chat may hold. */
  messagesPerChat: number;
}

/** Thrown for a bad configuration value; the message is the one line to print. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

interface Rule<T> {
  schema: z.ZodType<T>;
  example: string;
}

const text = z.string().trim().min(1, "must not be empty");
const httpUrl = text.pipe(z.url({
  protocol: /^https?$/,
  error: "must be an http:// or https:// URL",
}));

/** A comma-separated list whose every item passes `item`. */
const list = <T>(item: (text: string) => T | null, error: string) =>
  z.string().transform((value, ctx) => {
    const out: T[] = [];
    for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
      const parsed = item(part);
      if (parsed === null) {
        ctx.addIssue({
          code: "custom",
          message: `${error} ("${part}" is not)`,
        });
        return z.NEVER;
      }
      out.push(parsed);
    }
    return out;
  });

const originOf = (text: string): string | null => {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) &&
        url.origin === text.replace(/\/$/, "")
      ? url.origin
      : null;
  } catch {
    return null;
  }
};

const flag = z.enum(["true", "false", "1", "0", "yes", "no"], {
  error: "must be true or false",
}).transform((v) => v === "true" || v === "1" || v === "yes");

const perMinute = (max: number) =>
  z.coerce.number({ error: "must be a whole number" }).int(
    "must be a whole number",
  ).min(1, "must be at least 1").max(max, `must be at most ${max}`);

const rules = {
  OPENROUTER_API_KEY: { schema: text, example: "sk-or-v1-…" },
  OPENROUTER_BASE_URL: {
    schema: httpUrl.transform((url) => url.replace(/\/+$/, "")),
    example: "https://openrouter.ai/api/v1",
  },
  PORT: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be from 1 to 65535").max(65535, "must be from 1 to 65535"),
    example: "8000",
  },
  HOST: { schema: text, example: "0.0.0.0" },
  KV_PATH: { schema: text, example: "./data/chatai.sqlite3" },
  APP_PASSWORD: {
    schema: z.string().min(8, "must be at least 8 characters long"),
    example: "a-long-passphrase",
  },
  SESSION_SECRET: {
    schema: z.string().refine(
      (v) => v.split(",").every((s) => s.trim().length >= 32),
      "must be at least 32 characters long (each one, when rotating several)",
    ),
    example: "a random string of 32 or more characters",
  },
  DEFAULT_MODEL: {
    schema: text.regex(/^[\w.:/-]+$/, "must be a model id"),
    example: "meta-llama/llama-3-8b-instruct",
  },
  ALLOWED_MODELS: {
    schema: list(
      (id) => /^[\w.:/@-]+$/.test(id) ? id : null,
      "must list model ids",
    ),
    example: "my-org/private-model,local/llama3",
  },
  APP_TIMEZONE: {
    schema: text.refine(isTimeZone, "must be an IANA time zone"),
    example: DEFAULT_TIME_ZONE,
  },
  APP_URL: { schema: httpUrl, example: "http://localhost:8000" },
  APP_TITLE: { schema: text, example: "chatai" },
  ALLOWED_ORIGINS: {
    schema: list(
      originOf,
      "must list origins such as https://chat.example.com",
    ),
    example: "https://chat.example.com,https://www.chat.example.com",
  },
  ALLOWED_HOSTS: {
    schema: list(
      (h) => /^[a-z0-9.-]+$/i.test(h) ? h.toLowerCase() : null,
      "must list host names without port",
    ),
    example: "mybox.lan,192.168.1.20",
  },
  TRUSTED_PROXIES: {
    schema: list(parseCidr, "must list IP addresses or CIDR blocks"),
    example: "127.0.0.1,10.0.0.0/8",
  },
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: {
    schema: perMinute(100000),
    example: "60",
  },
  RATE_LIMIT_GLOBAL_PER_MINUTE: {
    schema: perMinute(10000000),
    example: "600",
  },
  IMPORT_MAX_BYTES: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1024, "must be at least 1024").max(
      200 * 1024 * 1024,
      "must be at most 209715200 (200 MB)",
    ),
    example: "20971520",
  },
  STORAGE_RESERVE_BYTES: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(0, "must be at least 0"),
    example: "67108864",
  },
  UPSTREAM_TIMEOUT_MS: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(100, "must be at least 100").max(600_000, "must be at most 600000"),
    example: "60000",
  },
  ANSWER_DEADLINE_MS: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1000, "must be at least 1000").max(
      3_600_000,
      "must be at most 3600000 (an hour)",
    ),
    example: "600000",
  },
  MAX_ANSWER_TOKENS: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(16, "must be at least 16").max(1_000_000, "must be at most 1000000"),
    example: "8192",
  },
  FLUSH_INTERVAL_MS: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(10, "must be at least 10").max(60_000, "must be at most 60000"),
    example: "1000",
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be at least 1").max(100000, "must be at most 100000"),
    example: "20",
  },
  MAX_CONCURRENT_PER_OWNER: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be at least 1").max(10000, "must be at most 10000"),
    example: "3",
  },
  MAX_CONCURRENT_GENERATIONS: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be at least 1").max(100000, "must be at most 100000"),
    example: "200",
  },
  MAX_MESSAGES_PER_CHAT: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(10, "must be at least 10").max(1000000, "must be at most 1000000"),
    example: "2000",
  },
  MAX_CHATS_PER_OWNER: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be at least 1").max(1000000, "must be at most 1000000"),
    example: "2000",
  },
  MAX_MESSAGES_PER_OWNER: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(10, "must be at least 10").max(
      100000000,
      "must be at most 100000000",
    ),
    example: "200000",
  },
  IMPORT_BYTES_PER_DAY: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1024, "must be at least 1024").max(
      107374182400,
      "must be at most 107374182400 (100 GB)",
    ),
    example: "104857600",
  },
  IMPORTS_PER_HOUR: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be at least 1").max(100000, "must be at most 100000"),
    example: "20",
  },
  SIGNUP: {
    schema: z.enum(["open", "invite", "closed"], {
      error: "must be open, invite or closed",
    }),
    example: "invite",
  },
  ACCOUNTS_REQUIRED: { schema: flag, example: "true" },
  PERSONAL_KEYS_REQUIRED: { schema: flag, example: "true" },
  ADMIN_USERNAMES: {
    schema: list(
      (n) => /^[\p{L}\p{N}._-]{3,32}$/u.test(n) ? n : null,
      "must list usernames",
    ),
    example: "ani,budi",
  },
  KEY_ENCRYPTION_SECRET: {
    schema: z.string().min(32, "must be at least 32 characters long"),
    example: "a random string of 32 or more characters",
  },
  OPENROUTER_AUTH_URL: {
    schema: httpUrl,
    example: "https://openrouter.ai/auth",
  },
  SIGN_IN_ATTEMPTS_PER_ADDRESS: {
    schema: perMinute(100000),
    example: "20",
  },
  MONTHLY_LIMIT_USD: {
    schema: z.coerce.number({ error: "must be a number" }).min(
      0,
      "must be 0 or more",
    ).max(1_000_000, "must be at most 1000000"),
    example: "5",
  },
  CHATS_PER_MINUTE: {
    schema: z.coerce.number({ error: "must be a whole number" }).int(
      "must be a whole number",
    ).min(1, "must be at least 1").max(100000, "must be at most 100000"),
    example: "30",
  },
} satisfies Record<string, Rule<unknown>>;

type Name = keyof typeof rules;

function read<N extends Name>(
  env: Env,
  name: N,
): z.output<(typeof rules)[N]["schema"]> | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const result = rules[name].schema.safeParse(raw);
  if (result.success) {
    return result.data as z.output<(typeof rules)[N]["schema"]>;
  }
  const problem = result.error.issues[0]?.message ?? "is not valid";
  const shown = name === "OPENROUTER_API_KEY" || name === "APP_PASSWORD" ||
      name === "SESSION_SECRET" || name === "KEY_ENCRYPTION_SECRET"
    ? "" // never echo a secret, not even a malformed one
    : ` (got ${
      JSON.stringify(raw.length > 60 ? raw.slice(0, 60) + "…" : raw)
    })`;
  throw new ConfigError(
    `${name}${shown} ${problem}; for example ${name}=${rules[name].example}`,
  );
}

/** Reads `OPENROUTER_API_KEY` from a Streamlit `secrets.toml`, as the old app kept it. */
export async function readStreamlitKey(
  path: string,
): Promise<string | undefined> {
  let source: string;
  try {
    source = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(source);
  } catch {
    throw new ConfigError(
      `${path} is not valid TOML; write the key as OPENROUTER_API_KEY = "sk-or-v1-…"`,
    );
  }
  const key = parsed.OPENROUTER_API_KEY;
  return typeof key === "string" && key.trim() ? key.trim() : undefined;
}

/** Validates `env` into a `Config`; throws `ConfigError` with one clear line. */
export async function loadConfig(
  env: Env,
  options: { secretsPath?: string } = {},
): Promise<Config> {
  const publicUrl = read(env, "APP_URL");
  const key = read(env, "OPENROUTER_API_KEY") ??
    await readStreamlitKey(options.secretsPath ?? ".streamlit/secrets.toml");
  return {
    openrouterApiKey: key,
    openrouterBaseUrl: read(env, "OPENROUTER_BASE_URL") ??
      "https://openrouter.ai/api/v1",
    port: read(env, "PORT") ?? 8000,
    host: read(env, "HOST") ?? "0.0.0.0",
    // On Deno Deploy the file system is read-only and the managed KV is
    // what `Deno.openKv()` opens without a path.
    kvPath: read(env, "KV_PATH") ??
      (env.DENO_DEPLOYMENT_ID ? undefined : "./data/chatai.sqlite3"),
    appPassword: read(env, "APP_PASSWORD"),
    sessionSecret: read(env, "SESSION_SECRET"),
    defaultModel: read(env, "DEFAULT_MODEL") ?? DEFAULT_MODEL,
    allowedModels: read(env, "ALLOWED_MODELS") ?? [],
    appTimezone: read(env, "APP_TIMEZONE") ?? DEFAULT_TIME_ZONE,
    appUrl: publicUrl ?? "http://localhost:8000",
    publicOrigin: publicUrl ? new URL(publicUrl).origin : undefined,
    secureCookies: publicUrl?.startsWith("https:") ?? false,
    allowedOrigins: read(env, "ALLOWED_ORIGINS") ?? [],
    allowedHosts: read(env, "ALLOWED_HOSTS") ?? [],
    trustedProxies: read(env, "TRUSTED_PROXIES") ?? [],
    appTitle: read(env, "APP_TITLE") ?? "chatai",
    importMaxBytes: read(env, "IMPORT_MAX_BYTES") ?? DEFAULT_MAX_IMPORT_BYTES,
    upstreamTimeoutMs: read(env, "UPSTREAM_TIMEOUT_MS") ?? 60_000,
    answerDeadlineMs: read(env, "ANSWER_DEADLINE_MS") ?? 10 * 60_000,
    maxAnswerTokens: read(env, "MAX_ANSWER_TOKENS"),
    storageReserveBytes: read(env, "STORAGE_RESERVE_BYTES") ?? 64 * 1024 * 1024,
    flushIntervalMs: read(env, "FLUSH_INTERVAL_MS") ?? 500,
    limits: {
      generationsPerMinute: read(env, "RATE_LIMIT_PER_MINUTE") ?? 20,
      generationsPerAddressPerMinute:
        read(env, "RATE_LIMIT_PER_ADDRESS_PER_MINUTE") ?? 60,
      generationsGlobalPerMinute: read(env, "RATE_LIMIT_GLOBAL_PER_MINUTE") ??
        600,
      concurrentPerOwner: read(env, "MAX_CONCURRENT_PER_OWNER") ?? 3,
      concurrentGenerations: read(env, "MAX_CONCURRENT_GENERATIONS") ?? 200,
      messagesPerChat: read(env, "MAX_MESSAGES_PER_CHAT") ?? 2000,
    },
    quotas: {
      chats: read(env, "MAX_CHATS_PER_OWNER") ?? 2000,
      messages: read(env, "MAX_MESSAGES_PER_OWNER") ?? 200_000,
      importBytesPerDay: read(env, "IMPORT_BYTES_PER_DAY") ?? 100 * 1024 * 1024,
      importsPerHour: read(env, "IMPORTS_PER_HOUR") ?? 20,
      chatsPerMinute: read(env, "CHATS_PER_MINUTE") ?? 30,
    },
    accounts: {
      signup: read(env, "SIGNUP") ?? "open",
      required: read(env, "ACCOUNTS_REQUIRED") ?? false,
      adminUsernames: read(env, "ADMIN_USERNAMES") ?? [],
      personalKeysRequired: read(env, "PERSONAL_KEYS_REQUIRED") ?? false,
      keySecret: read(env, "KEY_ENCRYPTION_SECRET"),
      authUrl: read(env, "OPENROUTER_AUTH_URL") ?? "https://openrouter.ai/auth",
      monthlyLimitUsd: read(env, "MONTHLY_LIMIT_USD"),
      signInAttempts: read(env, "SIGN_IN_ATTEMPTS_PER_ADDRESS") ?? 20,
    },
  };
}
