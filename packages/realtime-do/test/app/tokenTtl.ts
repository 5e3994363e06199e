/** How long the coalesced test app's endpoint-first tokens stay usable unused (short, so tests can wait it out). */
export const COALESCED_TOKEN_TTL_MS = 400;
