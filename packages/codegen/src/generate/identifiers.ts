const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval"
  ).split(" "),
);

/**
 * `true` when `name` can be written bare as a binding or property name in generated code.
 *
 * @example
 * isIdentifier("tasks"); // true
 * isIdentifier("default"); // false
 */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name);
}

/** A property key for an object literal: bare when possible, otherwise a JSON string. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/**
 * Distinct identifiers for a list of names, in order: invalid characters become `_`, and a clash
 * (`blog/posts` and `blog_posts`) gets a numeric suffix — deterministic for a given input order.
 *
 * @example
 * uniqueIdentifiers(["blog/posts", "blog_posts"], "m_"); // ["m_blog_posts", "m_blog_posts_2"]
 */
export function uniqueIdentifiers(names: readonly string[], prefix: string): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = `${prefix}${name.replace(/[^\w$]/g, "_")}`;
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}_${i}`;
    used.add(candidate);
    return candidate;
  });
}
