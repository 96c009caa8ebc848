/**
 * The fake OpenRouter as a benchmark's upstream process: the flags of
 * tests/fake/cli.ts, plus `--max-piece N` (largest write in bytes; the
 * default 24 makes the fake itself the bottleneck with many streams).
 * Prints its base URL on the first line; stops on SIGTERM or SIGINT.
 */
import { startFakeOpenRouter } from "@/tests/fake_openrouter.ts";
import { cliOptions } from "@/tests/fake/cli.ts";

const at = Deno.args.indexOf("--max-piece");
const maxPiece = at >= 0 ? Number(Deno.args[at + 1]) : undefined;
const fake = await startFakeOpenRouter({ ...cliOptions(Deno.args), maxPiece });
console.log(fake.baseUrl);
const stop = async () => {
  await fake.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
