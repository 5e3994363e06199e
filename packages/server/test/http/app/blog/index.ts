import { query } from "../handlers";

/** `blog/index.ts` export `feed` → `blog/feed`. */
export const feed = query({ handler: () => ["hello"] });

// A user helper returning a builder result is a handler like any other.
const constant = <T>(value: T) => query({ handler: () => value });
export const answer = constant(42);
