/** Liveness probe for load balancers. */
export const handler = (): Response =>
  new Response("ok", { headers: { "Content-Type": "text/plain" } });
