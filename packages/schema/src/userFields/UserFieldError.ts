/**
 * Thrown for an `auth.options.user.additionalFields` entry that cannot become a `users` column. The
 * message starts with the field's config path and ends with the fix.
 *
 * @example
 * try {
 *   withUserFields(schema, { email: { type: "string" } });
 * } catch (error) {
 *   if (error instanceof UserFieldError) console.error(error.key, error.path); // "email", [..., "email"]
 * }
 */
export class UserFieldError extends Error {
  /** The field's key in `additionalFields`. */
  readonly key: string;
  /** The key path in `appflare.config.ts`: `["auth", "options", "user", "additionalFields", key]`. */
  readonly path: readonly string[];
  readonly fix: string;

  constructor(key: string, problem: string, fix: string) {
    super(`auth.options.user.additionalFields.${key}: ${problem}. Fix: ${fix}`);
    this.name = "UserFieldError";
    this.key = key;
    this.path = ["auth", "options", "user", "additionalFields", key];
    this.fix = fix;
  }
}
