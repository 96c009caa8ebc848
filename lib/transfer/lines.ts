/** Lines of a text one at a time, so a reader that stops early never splits a 20 MB file whole. */

/** Each line of `text` (split at "\n") with its 0-based index. */
export function* linesOf(
  text: string,
): Generator<[line: string, index: number]> {
  let start = 0;
  for (let index = 0;; index++) {
    const end = text.indexOf("\n", start);
    if (end === -1) {
      yield [text.slice(start), index];
      return;
    }
    yield [text.slice(start, end), index];
    start = end + 1;
  }
}
