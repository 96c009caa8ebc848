import {
  assert,
  assertEquals,
  assertRejects,
  assertStringIncludes,
} from "@/tests/assert.ts";
import { ConfigError, loadConfig } from "./config.ts";

const noSecrets = { secretsPath: "/nonexistent/secrets.toml" };

Deno.test("loadConfig() fills every default of DESIGN.md from an empty environment", async () => {
  const config = await loadConfig({}, noSecrets);
  assertEquals(config, {
    openrouterApiKey: undefined,
    openrouterBaseUrl: "https://openrouter.ai/api/v1",
    port: 8000,
    host: "0.0.0.0",
    kvPath: "./data/chatai.sqlite3",
    appPassword: undefined,
    sessionSecret: undefined,
    defaultModel: "meta-llama/llama-3-8b-instruct",
    allowedModels: [],
    appTimezone: "Asia/Jakarta",
    appUrl: "http://localhost:8000",
    publicOrigin: undefined,
    secureCookies: false,
    allowedOrigins: [],
    allowedHosts: [],
    trustedProxies: [],
    appTitle: "chatai",
    importMaxBytes: 20 * 1024 * 1024,
    upstreamTimeoutMs: 60_000,
    answerDeadlineMs: 600_000,
    maxAnswerTokens: undefined,
    flushIntervalMs: 500,
    limits: {
      generationsPerMinute: 20,
      generationsPerAddressPerMinute: 60,
      generationsGlobalPerMinute: 600,
      concurrentPerOwner: 3,
      concurrentGenerations: 200,
      messagesPerChat: 2000,
    },
    storageReserveBytes: 64 * 1024 * 1024,
    quotas: {
      chats: 2000,
      messages: 200_000,
      importBytesPerDay: 100 * 1024 * 1024,
      importsPerHour: 20,
      chatsPerMinute: 30,
    },
    accounts: {
      signup: "open",
      required: false,
      adminUsernames: [],
      personalKeysRequired: false,
      keySecret: undefined,
      authUrl: "https://openrouter.ai/auth",
      monthlyLimitUsd: undefined,
      signInAttempts: 20,
    },
  });
});

Deno.test("loadConfig() reads the account settings and refuses bad ones without echoing secrets", async () => {
  const config = await loadConfig({
    SIGNUP: "invite",
    ACCOUNTS_REQUIRED: "true",
    ADMIN_USERNAMES: "ani, budi",
    PERSONAL_KEYS_REQUIRED: "yes",
    OPENROUTER_AUTH_URL: "http://127.0.0.1:9/auth",
    MONTHLY_LIMIT_USD: "2.5",
  }, noSecrets);
  assertEquals(config.accounts.signup, "invite");
  assertEquals(config.accounts.required, true);
  assertEquals(config.accounts.adminUsernames, ["ani", "budi"]);
  assertEquals(config.accounts.personalKeysRequired, true);
  assertEquals(config.accounts.authUrl, "http://127.0.0.1:9/auth");
  assertEquals(config.accounts.monthlyLimitUsd, 2.5);
  const bad = await assertRejects(
    () => loadConfig({ SIGNUP: "sometimes" }, noSecrets),
    ConfigError,
  );
  assertStringIncludes(bad.message, "SIGNUP");
  const short = await assertRejects(
    () =>
      loadConfig({ KEY_ENCRYPTION_SECRET: "short-secret-value" }, noSecrets),
    ConfigError,
  );
  assert(!short.message.includes("short-secret-value"));
});

Deno.test("loadConfig() refuses owner quotas that are not whole numbers in range", async () => {
  for (
    const [name, value] of [
      ["MAX_CHATS_PER_OWNER", "0"],
      ["MAX_MESSAGES_PER_OWNER", "lots"],
      ["IMPORT_BYTES_PER_DAY", "12"],
      ["IMPORTS_PER_HOUR", "1.5"],
      ["CHATS_PER_MINUTE", "-1"],
    ]
  ) {
    const error = await loadConfig({ [name]: value }, {
      secretsPath: "/nonexistent",
    }).then(() => null, (e) => e);
    assert(error instanceof ConfigError, name);
    assertStringIncludes(error.message, `${name} (got "${value}")`);
  }
});

Deno.test("loadConfig() names the variable, the problem and an example for a bad value", async () => {
  const cases: [Record<string, string>, string][] = [
    [
      { PORT: "eighty" },
      'PORT (got "eighty") must be a whole number; for example PORT=8000',
    ],
    [{ PORT: "70000" }, "PORT"],
    [{ OPENROUTER_BASE_URL: "ftp://x" }, "OPENROUTER_BASE_URL"],
    [
      { APP_TIMEZONE: "Mars/Olympus" },
      'APP_TIMEZONE (got "Mars/Olympus") must be an IANA time zone; for example APP_TIMEZONE=Asia/Jakarta',
    ],
    [{ DEFAULT_MODEL: "bad model" }, "DEFAULT_MODEL"],
    [
      { TRUSTED_PROXIES: "10.0.0.0/8,proxy" },
      'TRUSTED_PROXIES (got "10.0.0.0/8,proxy") must list IP addresses or CIDR blocks ("proxy" is not); for example TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8',
    ],
    [{ ALLOWED_ORIGINS: "https://a.example/path" }, "ALLOWED_ORIGINS"],
    [{ RATE_LIMIT_GLOBAL_PER_MINUTE: "0" }, "RATE_LIMIT_GLOBAL_PER_MINUTE"],
    [
      { FLUSH_INTERVAL_MS: "5" },
      'FLUSH_INTERVAL_MS (got "5") must be at least 10; for example FLUSH_INTERVAL_MS=1000',
    ],
    [
      { SESSION_SECRET: "short" },
      "SESSION_SECRET must be at least 32 characters long",
    ],
  ];
  for (const [env, expected] of cases) {
    const error = await assertRejects(
      () => loadConfig(env, noSecrets),
      ConfigError,
    );
    assertStringIncludes(error.message, expected);
    assert(!error.message.includes("\n"), "the message is one line");
  }
});

Deno.test("loadConfig() never echoes a secret in its error", async () => {
  const error = await assertRejects(
    () => loadConfig({ SESSION_SECRET: "tiny-secret-value" }, noSecrets),
    ConfigError,
  );
  assert(!error.message.includes("tiny-secret-value"));
});

Deno.test("loadConfig() falls back to the Streamlit secrets.toml for the API key", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/secrets.toml`;
  await Deno.writeTextFile(path, 'OPENROUTER_API_KEY="sk-or-v1-from-toml"\n');
  assertEquals(
    (await loadConfig({}, { secretsPath: path })).openrouterApiKey,
    "sk-or-v1-from-toml",
  );
  assertEquals(
    (await loadConfig({ OPENROUTER_API_KEY: "sk-env" }, { secretsPath: path }))
      .openrouterApiKey,
    "sk-env",
  );
  await Deno.writeTextFile(path, "OPENROUTER_API_KEY = [unclosed");
  await assertRejects(
    () => loadConfig({}, { secretsPath: path }),
    ConfigError,
    "not valid TOML",
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadConfig() trims a trailing slash from the base URL", async () => {
  const config = await loadConfig({
    OPENROUTER_BASE_URL: "http://127.0.0.1:9/api/v1/",
  }, noSecrets);
  assertEquals(config.openrouterBaseUrl, "http://127.0.0.1:9/api/v1");
});

Deno.test("loadConfig() on Deno Deploy without KV_PATH leaves the KV to the platform", async () => {
  const deploy = await loadConfig({ DENO_DEPLOYMENT_ID: "abc" }, noSecrets);
  assertEquals(deploy.kvPath, undefined);
  const pinned = await loadConfig(
    { DENO_DEPLOYMENT_ID: "abc", KV_PATH: ":memory:" },
    noSecrets,
  );
  assertEquals(pinned.kvPath, ":memory:");
});
