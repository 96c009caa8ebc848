/** A 303 redirect (after a form post, the browser GETs `location`). */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}
