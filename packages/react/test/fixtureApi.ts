/**
 * The `Api` of the client package's fixture app (packages/client/test/fixture), written out: that
 * package computes it from the handler modules with `ApiFromModules`, which needs the Workers types
 * this DOM-typed package cannot load beside its own. The client's type tests hold the real one.
 */
type Route<K extends "query" | "mutation", N extends string, I, O> = {
  readonly kind: K;
  readonly name: N;
  readonly input: I;
  readonly output: O;
};

export type Task = { id: number; title: string; done: boolean };
export type TaskPage = { rows: Task[]; nextCursor: number | null; hasMore: boolean };

export type FixtureApi = {
  readonly queries: {
    readonly tasks: {
      readonly list: Route<"query", "tasks/list", { prefix: string }, Task[]>;
      readonly page: Route<
        "query",
        "tasks/page",
        { prefix: string; after?: number; limit?: number },
        TaskPage
      >;
    };
    readonly account: {
      readonly me: Route<"query", "account/me", {}, { id: string | null; email: string | null }>;
    };
  };
  readonly mutations: {
    readonly tasks: {
      readonly create: Route<"mutation", "tasks/create", { title: string }, Task | null>;
      readonly rename: Route<"mutation", "tasks/rename", { id: number; title: string }, Task | null>;
      readonly boom: Route<"mutation", "tasks/boom", {}, never>;
    };
  };
};
