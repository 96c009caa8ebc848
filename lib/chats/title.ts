/** A chat's automatic title: the first five words of its first message, "…" when cut. */
export function autoTitle(text: string, words = 5): string {
  const all = text.replace(/[#*_`>\[\]]/g, " ").trim().split(/\s+/).filter(
    Boolean,
  );
  if (all.length === 0) return "";
  const title = all.slice(0, words).join(" ");
  const clipped = title.length > 80 ? title.slice(0, 80).trimEnd() : title;
  return all.length > words || clipped !== title ? `${clipped}…` : clipped;
}
