/** Options of {@link pbkdf2Password}. */
export interface Pbkdf2PasswordOptions {
  /**
   * PBKDF2-SHA-256 iterations for new hashes. Verification reads the count stored in each hash, so
   * raising it later keeps old passwords working. Default 25 000: ≈ 4 ms of CPU in workerd, leaving
   * room for the rest of a sign-in under the free plan's 10 ms (bench/auth-cpu; the auth README).
   */
  readonly iterations?: number;
}

/** `emailAndPassword.password` for Better Auth. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(data: { hash: string; password: string }): Promise<boolean>;
}

const PREFIX = "pbkdf2-sha256";
const SALT_BYTES = 16;
const KEY_BITS = 256;

/**
 * A password hash for Workers plans with a tight CPU budget: PBKDF2-SHA-256 through WebCrypto
 * (native code in workerd), with a tunable iteration count. Better Auth's default scrypt costs
 * ≈ 70–90 ms of CPU per sign-up or sign-in, above the free plan's 10 ms; this trades hashing strength
 * for CPU — fewer iterations make a leaked hash cheaper to brute-force. Hashes are
 * `pbkdf2-sha256$<iterations>$<salt b64>$<key b64>`.
 *
 * @example
 * defineConfig({ auth: { options: { emailAndPassword: { enabled: true, password: pbkdf2Password() } } } });
 */
export function pbkdf2Password(options: Pbkdf2PasswordOptions = {}): PasswordHasher {
  const iterations = options.iterations ?? 25_000;
  if (!Number.isInteger(iterations) || iterations < 1_000) {
    throw new TypeError(
      `pbkdf2Password({ iterations }): expected an integer ≥ 1000, got ${String(iterations)}`,
    );
  }
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      const key = await derive(password, salt, iterations);
      return [PREFIX, String(iterations), toBase64(salt), toBase64(key)].join("$");
    },
    async verify({ hash, password }) {
      const [prefix, count, salt, key] = hash.split("$");
      const rounds = Number(count);
      if (prefix !== PREFIX || !salt || !key || !Number.isInteger(rounds) || rounds < 1) return false;
      const expected = fromBase64(key);
      const actual = await derive(password, fromBase64(salt), rounds);
      return constantTimeEqual(actual, expected);
    },
  };
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFKC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    KEY_BITS,
  );
  return new Uint8Array(bits);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
