/**
 * Declares a group of UI strings in both languages. The type makes a missing
 * or extra Indonesian key a type error, so no string exists in one language only.
 */
export function defineMessages<const E extends Record<string, string>>(
  messages: { en: E; id: { [K in keyof E]: string } },
): { en: E; id: { [K in keyof E]: string } } {
  return messages;
}

/**
 * Fills `{name}` placeholders of a message; unknown placeholders stay
 * visible. `{name|one|other}` is the word for that number: `one` for 1,
 * `other` for any other (English; Indonesian words have no plural).
 */
export function interpolate(
  template: string,
  params?: Record<string, string | number>,
): string {
  if (!params) return template;
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!(name in params)) return whole;
      if (one === undefined) return String(params[name]);
      return Number(params[name]) === 1 ? one : other!;
    },
  );
}
