/**
 * A parameterized SQL fragment. All of ctx.db compiles to these: identifiers only ever come from the
 * schema model (allow-listed) and are quoted by `ident`; every value is a bound parameter.
 */
export interface Sql {
  readonly text: string;
  readonly params: readonly SqlParam[];
}

/** Values D1 accepts as bound parameters. */
export type SqlParam = string | number | null | ArrayBuffer;

const fragment = (text: string, params: readonly SqlParam[] = []): Sql => ({ text, params });

/** Quotes an identifier taken from the schema model. Never call with user input. */
export function ident(name: string): Sql {
  return fragment(`"${name.replaceAll('"', '""')}"`);
}

/** Raw SQL text with no parameters (keywords, operators). Never call with user input. */
export function raw(text: string): Sql {
  return fragment(text);
}

/** One bound parameter. */
export function param(value: SqlParam): Sql {
  return fragment("?", [value]);
}

/** Joins fragments with a separator. */
export function join(parts: readonly Sql[], separator = ", "): Sql {
  return fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/**
 * Tagged template: strings are SQL text, interpolations must be `Sql` fragments.
 * @example sql`SELECT * FROM ${ident("tasks")} WHERE ${ident("id")} = ${param(1)}`
 */
export function sql(strings: TemplateStringsArray, ...parts: readonly Sql[]): Sql {
  let text = strings[0] ?? "";
  const params: SqlParam[] = [];
  parts.forEach((p, i) => {
    text += p.text + (strings[i + 1] ?? "");
    params.push(...p.params);
  });
  return fragment(text, params);
}

/** Number of bound parameters (D1 caps a statement at 100). */
export const paramCount = (s: Sql): number => s.params.length;

/** D1's per-statement bound-parameter limit. */
export const MAX_BOUND_PARAMS = 100;
