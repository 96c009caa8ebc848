/**
 * zod validation for the JSON importers, with failures turned into an
 * `ImportError` that names the field, what it should be, what it is, and the
 * chat/message number, in the UI language.
 */
import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/mod.ts";
import { ImportError, type ImportPosition, type ParamValue } from "./errors.ts";

type Path = readonly PropertyKey[];

/** Validates `value`; on failure throws an `ImportError` for the first problem. */
export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  value: unknown,
  position?: ImportPosition,
  fieldPrefix: Path = [],
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw issueError(issue, value, position, fieldPrefix);
}

/** The `ImportError` for one zod issue found in `root`. */
export function issueError(
  issue: z.core.$ZodIssue,
  root: unknown,
  position: ImportPosition | undefined,
  fieldPrefix: Path = [],
): ImportError {
  const field = formatPath([...fieldPrefix, ...issue.path]);
  const actual = valueAt(root, issue.path);
  const shown = showValue(actual);
  switch (issue.code) {
    case "invalid_type": {
      if (actual === undefined) {
        return new ImportError("import.error.missing", {
          field,
          expected: typeName(issue.expected),
        }, position);
      }
      if (issue.expected === "int" && typeof actual === "number") break;
      return new ImportError("import.error.type", {
        field,
        expected: typeName(issue.expected),
        actual: typeName(typeOf(actual)),
      }, position);
    }
    case "invalid_value":
      return new ImportError("import.error.value", {
        field,
        value: shown,
        options: issue.values.map((v) => JSON.stringify(v)).join(", "),
      }, position);
    case "invalid_format":
      if (issue.format === "datetime") {
        return new ImportError("import.error.date", {
          field,
          value: shown,
          example: "2024-05-01T10:20:30+07:00",
        }, position);
      }
      break;
    case "too_small":
    case "too_big":
      return new ImportError(
        "import.error.range",
        { field, value: shown },
        position,
      );
  }
  return new ImportError(
    "import.error.invalid",
    { field, value: shown },
    position,
  );
}

/** `messages[3].content` style; the file itself when the path is empty. */
export function formatPath(path: Path): string {
  let out = "";
  for (const key of path) {
    out += typeof key === "number"
      ? `[${key}]`
      : `${out ? "." : ""}${String(key)}`;
  }
  return out || "(file)";
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A value as it would appear in the file, cut to 60 characters. */
export function showValue(value: unknown): string {
  const json = value === undefined ? "undefined" : JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}

/** The JSON type of a value: string, number, boolean, array, object or null. */
export function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const TYPE_KEYS: Record<string, MessageKey> = {
  string: "import.type.string",
  number: "import.type.number",
  int: "import.type.int",
  boolean: "import.type.boolean",
  array: "import.type.array",
  object: "import.type.object",
  null: "import.type.null",
  date: "import.type.date",
};

/** A type's name in the UI language. */
export function typeName(type: string): ParamValue {
  return { key: TYPE_KEYS[type] ?? "import.type.value" };
}
