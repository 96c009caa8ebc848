import { json } from "@/lib/http/api.ts";
import { api } from "@/lib/http/route.ts";
import { importUpload } from "@/lib/transfer/upload.ts";

export const handler = {
  /** Imports a file (multipart field `file`, or a raw body with `?filename=`): `201 {chats, warnings}`. */
  POST: api(async (req, ctx) =>
    json(await importUpload(req, ctx), { status: 201 })
  ),
};
