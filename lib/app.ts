/**
 * The app's services, created once per process from the environment: the
 * configuration, Deno KV, the chat store, the generation runner and the
 * session keys. Tests build their own with `createServices()`.
 */
import { AccountService } from "./accounts/mod.ts";
import { ChatService } from "./chats/service.ts";
import { OwnerQuota } from "./chats/owner_quota.ts";
import {
  type GarbageCollector,
  startGarbageCollector,
} from "./chats/store/collector.ts";
import { ChatStore } from "./chats/store/mod.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { GenerationRunner } from "./generation/runner.ts";
import { EarlyStartGate } from "./generation/answer_request.ts";
import { GenerationSlots } from "./generation/slots.ts";
import { describeGenerationError } from "./generation/errors.ts";
import { type ModelCatalog, modelCatalog } from "./openrouter/models.ts";
import {
  loadSessionKeys,
  primarySessionSecret,
} from "./security/session_keys.ts";
import { RateLimiter } from "./security/rate_limit.ts";
import { StorageHealth } from "./storage_health.ts";
import { dirname } from "node:path";

/** What routes need to do their work. */
export interface Services {
  config: Config;
  kv: Deno.Kv;
  store: ChatStore;
  /** Operations on whole chats: create, update, delete, export, import. */
  chats: ChatService;
  runner: GenerationRunner;
  /** The models of the configured upstream. */
  models: ModelCatalog;
  /** Answers running at once in this process: per owner, in all, per chat. */
  slots: GenerationSlots;
  /** Whether a turn may send its request before it is stored. */
  earlyStarts: EarlyStartGate;
  /** The current session key first, then older ones still accepted. */
  sessionKeys: CryptoKey[];
  /** Purges what interrupted deletions and imports left, at start and hourly. */
  garbage: GarbageCollector;
  /**
   * Sign-in attempts per client address (the password gate's, accounts');
   * answers started per owner, per
   * client address and by everyone together (subject "all").
   */
  limiters: {
    login: RateLimiter;
    /** Account sign-ins, sign-ups and passkey sign-ins per client address. */
    accountSignIn: RateLimiter;
    generations: RateLimiter;
    addressGenerations: RateLimiter;
    allGenerations: RateLimiter;
  };
  /** Whether storage takes new data (free space, failed writes). */
  storage: StorageHealth;
  /** Accounts, sessions, personal keys, passkeys, budgets and usage. */
  accounts: AccountService;
  /** Stops background work and closes KV. */
  close(): Promise<void>;
}

let configPromise: Promise<Config> | null = null;
let services: Promise<Services> | null = null;

/** The configuration from the environment; a bad value prints one line and exits. */
export function appConfig(): Promise<Config> {
  configPromise ??= loadConfig(Deno.env.toObject()).catch((error) => {
    if (error instanceof ConfigError) {
      console.error(`chatai cannot start: ${error.message}`);
      Deno.exit(1);
    }
    throw error;
  });
  return configPromise;
}

/** The folder of a local KV file, or undefined (the platform's, in memory, remote). */
function kvDir(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const local = path !== ":memory:" && !/^https?:\/\//.test(path);
  return local ? dirname(path) : undefined;
}

/** Opens KV at `path` (the platform's KV when undefined), creating the folder of a local database file. */
async function openKv(path: string | undefined): Promise<Deno.Kv> {
  if (path === undefined) {
    // The platform's KV. Deno Deploy's managed KV cannot exist elsewhere, so
    // the Deploy dry run test names a stand-in for this same call.
    return await Deno.openKv(Deno.env.get("CHATAI_TEST_PLATFORM_KV"));
  }
  const remote = /^https?:\/\//.test(path);
  if (path !== ":memory:" && !remote) {
    await Deno.mkdir(dirname(path), { recursive: true });
  }
  // Two processes opening one new database file at the same moment can
  // leave one of them waiting for good (seen with Deno 2.9 when instances
  // start together): such a wait is given up and the file opened again.
  for (let attempt = 1;; attempt++) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<null>((resolve) =>
      timer = setTimeout(() => resolve(null), OPEN_KV_STALL_MS)
    );
    const opening = Deno.openKv(path);
    const kv = await Promise.race([opening, stalled]);
    clearTimeout(timer);
    if (kv) return kv;
    opening.then((late) => late.close(), () => {});
    if (attempt >= 3) {
      throw new Error(
        `Deno KV at ${path} did not open in ${
          OPEN_KV_STALL_MS * 3 / 1000
        } s; check that the file is not locked by a stuck process`,
      );
    }
    console.warn(`Opening Deno KV at ${path} stalled; trying again`);
  }
}

/** How long opening KV may take before it is tried again. */
const OPEN_KV_STALL_MS = 5000;

/** How tests change the services: e.g. a KV whose writes fail. */
export interface ServiceOptions {
  wrapKv?: (kv: Deno.Kv) => Deno.Kv;
  /** Measures free bytes instead of the disk of the KV file. */
  freeBytes?: () => Promise<number | null>;
  /**
   * The answer limits' clock, in milliseconds (Date.now unless given): a
   * test stops it so that a limit's minute cannot end halfway through.
   */
  limitsClock?: () => number;
}

/** Builds every service for `config`; marks answers left streaming by a crash as interrupted. */
export async function createServices(
  config: Config,
  options: ServiceOptions = {},
): Promise<Services> {
  const raw = await openKv(config.kvPath);
  const storage = new StorageHealth({
    dir: kvDir(config.kvPath),
    reserveBytes: config.storageReserveBytes,
    freeBytes: options.freeBytes,
  });
  const kv = storage.guard(options.wrapKv?.(raw) ?? raw);
  await storage.start();
  const store = new ChatStore(kv, { defaults: { model: config.defaultModel } });
  await store.migrate();
  await store.resumeMoves();
  const runner = new GenerationRunner({
    kv,
    store,
    describeError: describeGenerationError,
    flushIntervalMs: config.flushIntervalMs,
  });
  await runner.recoverInterrupted();
  runner.startSweep();
  const garbage = startGarbageCollector(store);
  const sessionKeys = await loadSessionKeys(kv, config.sessionSecret);
  const limiters = {
    login: new RateLimiter(kv, {
      name: "login",
      limit: 10,
      windowMs: 15 * 60_000,
    }),
    accountSignIn: new RateLimiter(kv, {
      name: "account_sign_in",
      limit: config.accounts.signInAttempts,
      windowMs: 15 * 60_000,
    }),
    generations: new RateLimiter(kv, {
      name: "generations",
      now: options.limitsClock,
      limit: config.limits.generationsPerMinute,
      windowMs: 60_000,
    }),
    addressGenerations: new RateLimiter(kv, {
      name: "generations_address",
      now: options.limitsClock,
      limit: config.limits.generationsPerAddressPerMinute,
      windowMs: 60_000,
    }),
    allGenerations: new RateLimiter(kv, {
      name: "generations_all",
      now: options.limitsClock,
      limit: config.limits.generationsGlobalPerMinute,
      windowMs: 60_000,
    }),
  };
  const accounts = await AccountService.create({
    kv,
    settings: config.accounts,
    sessionKeys,
    encryptionSecret: config.accounts.keySecret ??
      await primarySessionSecret(kv, config.sessionSecret),
  });
  return {
    config,
    kv,
    store,
    accounts,
    chats: new ChatService({
      kv,
      store,
      runner,
      quota: new OwnerQuota(kv, config.quotas),
      draftKey: sessionKeys[0],
      storage,
    }),
    runner,
    models: modelCatalog({
      baseUrl: config.openrouterBaseUrl,
      apiKey: config.openrouterApiKey,
    }),
    slots: new GenerationSlots({
      perOwner: config.limits.concurrentPerOwner,
      total: config.limits.concurrentGenerations,
    }),
    earlyStarts: new EarlyStartGate(),
    sessionKeys,
    garbage,
    limiters,
    storage,
    async close() {
      storage.stop();
      await garbage.stop();
      await runner.close();
      raw.close();
    },
  };
}

/** The services of this process. */
export function getServices(): Promise<Services> {
  // A failed start (another instance holding the database for a moment)
  // is tried again by the next request instead of being kept.
  services ??= appConfig().then((config) => createServices(config)).catch(
    (error) => {
      services = null;
      throw error;
    },
  );
  return services;
}

/** Stops the running answers of this process, saved as interrupted (shutdown). */
export async function stopServicesWork(): Promise<void> {
  const current = services;
  if (current) await (await current).runner.close();
}

/** Closes the services of this process if they were created (shutdown). */
export async function closeServices(): Promise<void> {
  const current = services;
  if (current) await (await current).close();
}

/** Replaces the services (tests). */
export function setServices(next: Services): void {
  services = Promise.resolve(next);
}
