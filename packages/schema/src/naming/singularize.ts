/**
 * Singular form of a table name, used to name inferred keys (`projects` → `projectId`).
 * Deliberately small and predictable; the same rules exist at type level as {@link Singular}:
 * - `…ies` → `…y` (`categories` → `category`)
 * - `…sses`, `…xes`, `…ches`, `…shes`, `…tuses` → drop `es` (`boxes` → `box`, `statuses` → `status`)
 * - `…ss`, `…us`, `…is` stay (`address`, `status`, `analysis`)
 * - `…s` → drop `s` (`tasks` → `task`)
 * - anything else stays (`people`, `data`): pass an explicit `field` to name such keys.
 *
 * @example
 * singularize("categories"); // "category"
 * singularize("petDocuments"); // "petDocument"
 */
export function singularize(name: string): string {
  if (name.length > 3 && name.endsWith("ies")) return `${name.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|tuses)$/.test(name)) return name.slice(0, -2);
  if (/(ss|us|is)$/.test(name)) return name;
  if (name.length > 1 && name.endsWith("s")) return name.slice(0, -1);
  return name;
}

type DropEs<S extends string> = S extends `${infer Base}es` ? Base : S;

/** Type-level twin of {@link singularize}: `Singular<"categories">` is `"category"`. */
export type Singular<S extends string> = string extends S
  ? string
  : S extends `${infer Base}ies`
    ? Base extends ""
      ? S
      : `${Base}y`
    : S extends `${string}${"sses" | "xes" | "ches" | "shes" | "tuses"}`
      ? DropEs<S>
      : S extends `${string}${"ss" | "us" | "is"}`
        ? S
        : S extends `${infer Base}s`
          ? Base extends ""
            ? S
            : Base
          : S;
