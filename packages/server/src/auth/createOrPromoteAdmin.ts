import type { InternalAdapter } from "better-auth";

/** The account `appflare add-admin -e -p -n` asks for. */
export interface AdminAccount {
  readonly email: string;
  /** Used only when the user is created; an existing user's credentials are never changed. */
  readonly password: string;
  /** Display name of a new user. Default: the part of the email before `@`. */
  readonly name?: string;
}

/** What {@link createOrPromoteAdmin} did. */
export interface AdminResult {
  readonly userId: string;
  readonly email: string;
  /** A new user was created (with an email/password account). */
  readonly created: boolean;
  /** An existing user got the `admin` role (false when they already had it, or were created). */
  readonly promoted: boolean;
}

/** What {@link createOrPromoteAdmin} needs of a Better Auth instance (every `createAuth` result has it). */
export interface AuthWithContext {
  readonly $context: Promise<{
    readonly internalAdapter: InternalAdapter;
    readonly password: {
      hash(password: string): Promise<string>;
      readonly config: { readonly minPasswordLength: number; readonly maxPasswordLength: number };
    };
  }>;
}

/**
 * Creates an admin user, or gives an existing user (matched by email, case-insensitively) the
 * `admin` role. Runs through Better Auth's internal adapter like the admin plugin's `createUser`, so
 * it works when public sign-up is disabled, hashes with the app's configured password hash, and
 * runs the app's database hooks. The CLI's `appflare add-admin` calls it.
 *
 * @example
 * const auth = createAuth({ db: env.DB, schema, env, config: config.auth });
 * const result = await createOrPromoteAdmin(auth, { email: "ops@example.com", password: "s3cret-pass", name: "Ops" });
 * console.log(result.created ? "created" : result.promoted ? "promoted" : "already admin");
 */
export async function createOrPromoteAdmin(
  auth: AuthWithContext,
  account: AdminAccount,
): Promise<AdminResult> {
  const email = account.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new TypeError(`add-admin: "${account.email}" is not an email address`);
  }
  const context = await auth.$context;
  const adapter = context.internalAdapter;
  const existing = await adapter.findUserByEmail(email);
  if (existing) {
    const user = existing.user as { id: string; role?: string | null };
    const roles = (user.role ?? "").split(",").map((role) => role.trim());
    if (roles.includes("admin")) return { userId: user.id, email, created: false, promoted: false };
    await adapter.updateUser(user.id, { role: "admin", updatedAt: new Date() });
    return { userId: user.id, email, created: false, promoted: true };
  }

  const { minPasswordLength, maxPasswordLength } = context.password.config;
  if (account.password.length < minPasswordLength || account.password.length > maxPasswordLength) {
    throw new TypeError(
      `add-admin: the password must be ${minPasswordLength}–${maxPasswordLength} characters (got ${account.password.length})`,
    );
  }
  const hash = await context.password.hash(account.password);
  const user = await adapter.createUser(
    {
      email,
      name: account.name?.trim() || (email.split("@")[0] ?? email),
      emailVerified: true,
      role: "admin",
    },
    { method: "admin" },
  );
  if (!user) throw new Error(`add-admin: Better Auth did not create the user ${email}`);
  await adapter.linkAccount({
    providerId: "credential",
    accountId: user.id,
    userId: user.id,
    password: hash,
  });
  return { userId: user.id, email, created: true, promoted: false };
}
