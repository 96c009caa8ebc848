/**
 * marked's emphasis parsing scans ahead from every `*`, `_` and `~` to the
 * end of its block, so a block costs about (delimiters × length): 100 KB of
 * `a_a_…` takes seconds. Blocks whose estimate is over `BLOCK_BUDGET`, and
 * every block once a text has spent `TEXT_BUDGET`, keep their inline text
 * plain (escaped, no emphasis, links or math). Ordinary prose is orders of
 * magnitude below both, so this only changes adversarial or degenerate text.
 * No dependencies: the streaming view checks a cost before it loads marked.
 */
export const BLOCK_BUDGET = 4_000_000;
/** See `BLOCK_BUDGET`: the estimate one whole text may spend on inline parsing. */
export const TEXT_BUDGET = 40_000_000;
/**
 * The budget of a streaming answer's unfinished block, which is rendered
 * again on every update: 2,800 characters of `a*` made 1,400 `<em>` elements
 * for Chromium to replace every frame. Past it the block shows plain until
 * it is finished, then as the server renders it.
 */
export const TAIL_BLOCK_BUDGET = 1_000_000;
const DELIMITERS = /[*_~]/g;

/** The estimated cost of parsing `src` inline (see `BLOCK_BUDGET`). */
export function inlineCost(src: string): number {
  return (src.match(DELIMITERS)?.length ?? 0) * src.length;
}
