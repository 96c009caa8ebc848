/** Who acts on the app's data: the one shape domain operations take from `ctx.state`. */
import type { Services } from "./app.ts";
import type { Lang } from "./i18n/mod.ts";

/** The visitor behind a request, with the services to act through. */
export interface Actor {
  services: Services;
  /** The owner of the session: every chat read or written belongs to it. */
  owner: string;
  /** The UI language of answers and refusals. */
  lang: Lang;
  /** The user's IANA time zone. */
  timeZone: string;
  /** The client's address (see lib/security/client_address.ts). */
  clientAddress: string;
}

/** The actor of a request's state (`ctx.state`). */
export function actorOf(state: Actor): Actor {
  const { services, owner, lang, timeZone, clientAddress } = state;
  return { services, owner, lang, timeZone, clientAddress };
}
