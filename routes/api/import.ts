import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { json } from "@/lib/http/api.ts";
import { importUpload } from "@/lib/transfer/upload.ts";

export const handler = {
  /** Imports a file (multipart field `file`, or a raw body with `?filename=`): `201 {chats, warnings}`. */
  async POST(req, ctx) {
    return json(await importUpload(req, ctx), { status: 201 });
  },
} satisfies Handlers<unknown, AppState>;
