/**
 * Stand-in for `@std/assert` (JSR is not reachable here), built on
 * `node:assert/strict`. Moving to `@std/assert` later is one import line.
 */
import nodeAssert from "node:assert/strict";

/** Asserts that `actual` deeply equals `expected`. */
export function assertEquals<T>(actual: T, expected: T, msg?: string): void {
  nodeAssert.deepStrictEqual(actual, expected, msg);
}

/** Asserts that `actual` does not deeply equal `expected`. */
export function assertNotEquals<T>(actual: T, expected: T, msg?: string): void {
  nodeAssert.notDeepStrictEqual(actual, expected, msg);
}

/** Asserts that `expr` is truthy. */
export function assert(
  expr: unknown,
  msg = "Expected a truthy value",
): asserts expr {
  nodeAssert.ok(expr, msg);
}

/** Asserts that `actual` contains `expected`. */
export function assertStringIncludes(
  actual: string,
  expected: string,
  msg?: string,
): void {
  if (!actual.includes(expected)) {
    throw new nodeAssert.AssertionError({
      message: msg ??
        `Expected ${JSON.stringify(abbreviate(actual))} to include ${
          JSON.stringify(expected)
        }`,
      actual,
      expected,
    });
  }
}

/** Asserts that `actual` matches `expected`. */
export function assertMatch(
  actual: string,
  expected: RegExp,
  msg?: string,
): void {
  nodeAssert.match(actual, expected, msg);
}

/** Asserts that `fn` throws, optionally an error of `ErrorClass` whose message includes `msgIncludes`. */
export function assertThrows<E extends Error = Error>(
  fn: () => unknown,
  ErrorClass?: new (...args: never[]) => E,
  msgIncludes?: string,
): E {
  try {
    fn();
  } catch (error) {
    return checkError(error, ErrorClass, msgIncludes);
  }
  throw new nodeAssert.AssertionError({
    message: "Expected the function to throw",
  });
}

/** Asserts that the promise returned by `fn` rejects, optionally as `assertThrows` checks. */
export async function assertRejects<E extends Error = Error>(
  fn: () => PromiseLike<unknown>,
  ErrorClass?: new (...args: never[]) => E,
  msgIncludes?: string,
): Promise<E> {
  try {
    await fn();
  } catch (error) {
    return checkError(error, ErrorClass, msgIncludes);
  }
  throw new nodeAssert.AssertionError({
    message: "Expected the promise to reject",
  });
}

function checkError<E extends Error>(
  error: unknown,
  ErrorClass?: new (...args: never[]) => E,
  msgIncludes?: string,
): E {
  if (ErrorClass && !(error instanceof ErrorClass)) {
    throw new nodeAssert.AssertionError({
      message: `Expected a ${ErrorClass.name}, got ${String(error)}`,
    });
  }
  if (
    msgIncludes !== undefined &&
    !String((error as Error)?.message).includes(msgIncludes)
  ) {
    throw new nodeAssert.AssertionError({
      message: `Expected the error message to include ${
        JSON.stringify(msgIncludes)
      }, got ${JSON.stringify((error as Error)?.message)}`,
    });
  }
  return error as E;
}

function abbreviate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
