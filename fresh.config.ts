import { defineConfig } from "$fresh/server.ts";
import { appConfig, closeServices, stopServicesWork } from "@/lib/app.ts";
import { stopOnSignals } from "@/lib/shutdown.ts";

const { port, host } = await appConfig();

export default defineConfig({
  // SIGTERM and SIGINT stop the server gracefully (lib/shutdown.ts).
  server: {
    port,
    hostname: host,
    signal: stopOnSignals({ stopWork: stopServicesWork, close: closeServices }),
  },
});
