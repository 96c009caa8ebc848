import type { MiddlewareHandler } from "$fresh/server.ts";
import { apiErrors } from "@/lib/http/middleware/api_errors.ts";
import type { AppState } from "@/lib/state.ts";

/** Every API route: errors become the API's JSON error answers. */
export const handler: MiddlewareHandler<AppState>[] = [apiErrors];
