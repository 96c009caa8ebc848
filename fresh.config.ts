import { defineConfig } from "$fresh/server.ts";
import { appConfig } from "@/lib/app.ts";

const { port, host } = await appConfig();

export default defineConfig({
  server: { port, hostname: host },
});
