/**
 * Starts the real app on 127.0.0.1 for API and browser tests, with its own
 * in-memory services, and stops it afterwards.
 */
import { createHandler } from "$fresh/server.ts";
import manifest from "@/fresh.gen.ts";
import { type Services, setServices } from "@/lib/app.ts";
import { loadConfig } from "@/lib/config.ts";

/** A running app. */
export interface TestApp {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Starts the app with `env` (no API key unless given; KV in memory). */
export async function startApp(
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config = await loadConfig(
    { KV_PATH: ":memory:", ...env },
    { secretsPath: "/nonexistent/secrets.toml" },
  );
  const services: Services = { config };
  setServices(services);
  const handler = await createHandler(manifest);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    handler,
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    services,
    close: () => server.shutdown(),
  };
}
