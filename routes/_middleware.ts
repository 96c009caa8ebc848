import type { MiddlewareHandler } from "$fresh/server.ts";
import { readClientAddress } from "@/lib/http/middleware/client_address.ts";
import { passwordGate } from "@/lib/http/middleware/password_gate.ts";
import {
  readPreferences,
  rememberLanguage,
} from "@/lib/http/middleware/preferences.ts";
import { routesOnly } from "@/lib/http/middleware/routes_only.ts";
import { securityHeaders } from "@/lib/http/middleware/security_headers.ts";
import { provideServices } from "@/lib/http/middleware/services.ts";
import { sameOrigin } from "@/lib/http/middleware/same_origin.ts";
import { session } from "@/lib/http/middleware/session.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * Every request, in order: security headers on the answer, the app's
 * services, the client's address, the visitor's language, theme and time zone. Pages and API
 * routes then pass the same-origin check for changes and the password gate,
 * keep a language chosen with `?lang=`, and get their owner from the session.
 */
export const handler: MiddlewareHandler<AppState>[] = [
  securityHeaders,
  provideServices,
  readClientAddress,
  readPreferences,
  routesOnly(sameOrigin),
  routesOnly(passwordGate),
  routesOnly(rememberLanguage),
  routesOnly(session),
];
