import { describeValue } from "@appflare/schema/internal";
import type * as z from "zod";
import type { ConfigIssue } from "./ConfigError";

/**
 * Turns Zod issues of a config parse into {@link ConfigIssue}s that name the key path, the expected
 * type, and for an unknown key the allowed keys plus the closest one ("did you mean").
 */
export function configIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const allowed = shapeKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        const hint = guess ? `; did you mean "${guess}"?` : "";
        out.push({
          path: formatPath([...issue.path, key]),
          message: `unknown key (expected one of: ${allowed.join(", ")})${hint}`,
        });
      }
    } else if (issue.code === "invalid_type") {
      out.push({
        path: formatPath(issue.path),
        message: `expected ${issue.expected}, got ${describeValue(issue.input)}`,
      });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}

/** `["cors", 0]` → `cors[0]`, `["database", "query"]` → `database.query`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

type Def = {
  type: string;
  innerType?: z.core.$ZodType;
  schema?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
};

const defOf = (s: z.core.$ZodType): Def => s._zod.def as unknown as Def;

/** Peels optional/default/pipe wrappers down to the underlying schema. */
function unwrap(s: z.core.$ZodType): z.core.$ZodType {
  let current = s;
  for (;;) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!next) return current;
    current = next;
  }
}

/** The keys an object schema accepts at `path` (used to list the alternatives of an unknown key). */
function shapeKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const part of path) {
    const shape: Record<string, z.core.$ZodType> | undefined = current ? defOf(current).shape : undefined;
    const child: z.core.$ZodType | undefined = shape?.[String(part)];
    current = child ? unwrap(child) : undefined;
  }
  const shape = current ? defOf(current).shape : undefined;
  return shape ? Object.keys(shape) : [];
}

/** The allowed key nearest to `key` by edit distance (case-insensitive), if it is close enough. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
