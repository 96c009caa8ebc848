/**
 * The app's services (configuration now; the store and the generation runner
 * join as they are built), created once per process from the environment.
 * Tests install their own with `setServices()`.
 */
import { type Config, ConfigError, loadConfig } from "./config.ts";

/** What routes need to do their work. */
export interface Services {
  config: Config;
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

/** The services of this process. */
export function getServices(): Promise<Services> {
  services ??= appConfig().then((config) => ({ config }));
  return services;
}

/** Replaces the services (tests). */
export function setServices(next: Services): void {
  services = Promise.resolve(next);
}
