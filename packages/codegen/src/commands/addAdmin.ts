import { CliError } from "../errors/CliError";

/** Exit status of a command that exists but is not available in this release. */
export const NOT_AVAILABLE = 2;

/**
 * `appflare add-admin`: creating an admin user needs the auth layer (Better Auth tables and password
 * hashing), which is not in this release. It fails clearly rather than writing a user the server could
 * not sign in.
 *
 * @example
 * addAdmin(); // throws CliError, exit code 2
 */
export function addAdmin(): never {
  throw new CliError(
    "add-admin needs auth (not in this release): it creates or promotes a Better Auth user, and the auth layer " +
      "ships in a later @appflare/server release. Until then, nothing was written.",
    undefined,
    NOT_AVAILABLE,
  );
}
