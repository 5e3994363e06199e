import type { AnySchema } from "@appflare/schema";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import type { modules } from "../../test/http/app/modules";
import type { ApiFromModules, HandlerMap, HandlerNameOf, Route } from "./ApiFromModules";
import { defineHandlers } from "./defineHandlers";
import type { Jsonify, JsonResult } from "./Jsonify";

type Api = ApiFromModules<typeof modules>;

describe("HandlerNameOf", () => {
  it("follows the api.md §3 naming rules", () => {
    expectTypeOf<HandlerNameOf<"blog/posts", "list">>().toEqualTypeOf<"blog/posts/list">();
    expectTypeOf<HandlerNameOf<"blog/posts.ts", "list">>().toEqualTypeOf<"blog/posts/list">();
    expectTypeOf<HandlerNameOf<"queries/tasks", "list">>().toEqualTypeOf<"tasks/list">();
    expectTypeOf<HandlerNameOf<"mutations/a/b", "c">>().toEqualTypeOf<"a/b/c">();
    expectTypeOf<HandlerNameOf<"blog/index", "feed">>().toEqualTypeOf<"blog/feed">();
    expectTypeOf<HandlerNameOf<"queries/index", "all">>().toEqualTypeOf<"all">();
    expectTypeOf<HandlerNameOf<"queries", "list">>().toEqualTypeOf<"queries/list">();
    expectTypeOf<HandlerNameOf<"./a/b", "c">>().toEqualTypeOf<"a/b/c">();
  });
});

describe("ApiFromModules", () => {
  it("nests queries and mutations by name, dropping kind folders and index", () => {
    expectTypeOf<keyof Api>().toEqualTypeOf<"queries" | "mutations">();
    expectTypeOf<keyof Api["queries"]>().toEqualTypeOf<"blog" | "docs" | "tasks">();
    expectTypeOf<keyof Api["queries"]["blog"]>().toEqualTypeOf<"feed" | "answer">();
    expectTypeOf<keyof Api["mutations"]>().toEqualTypeOf<"docs" | "projects">();
    expectTypeOf<keyof Api["mutations"]["projects"]>().toEqualTypeOf<
      "create" | "createThenFail" | "rename" | "addLabel" | "echo"
    >();
  });

  it("leaves out schedulers, crons and non-handler exports", () => {
    expectTypeOf<Api["queries"]>().not.toHaveProperty("maintenance");
    expectTypeOf<Api["queries"]>().not.toHaveProperty("mail");
    expectTypeOf<keyof HandlerMap<typeof modules>>().toExtend<string>();
    expectTypeOf<HandlerMap<typeof modules>>().toHaveProperty("maintenance/nightly");
    expectTypeOf<HandlerMap<typeof modules>>().toHaveProperty("mail/record");
  });

  it("types input as the args' Zod input and output as the JSON of the awaited result", () => {
    type Echo = Api["queries"]["tasks"]["echo"];
    expectTypeOf<Echo["kind"]>().toEqualTypeOf<"query">();
    expectTypeOf<Echo["name"]>().toEqualTypeOf<"tasks/echo">();
    expectTypeOf<Echo["input"]["n"]>().toEqualTypeOf<number>();
    expectTypeOf<Echo["input"]>().toHaveProperty("when").toEqualTypeOf<Date | undefined>();

    type Dates = Api["queries"]["tasks"]["dates"]["output"];
    expectTypeOf<Dates>().toEqualTypeOf<{
      at: string;
      list: (string | null)[];
      nested: { when: string };
    }>();
    expectTypeOf<Api["queries"]["tasks"]["nothing"]["output"]>().toEqualTypeOf<null>();
    expectTypeOf<Api["queries"]["blog"]["answer"]["output"]>().toEqualTypeOf<number>();
    expectTypeOf<Api["queries"]["tasks"]["teapot"]["input"]>().toEqualTypeOf<{
      withDetails?: boolean | undefined;
    }>();

    type Created = Api["mutations"]["projects"]["create"]["output"];
    expectTypeOf<Created[number]["createdAt"]>().toEqualTypeOf<string>();
    expectTypeOf<Created[number]["budget"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Created[number]["tags"]>().toEqualTypeOf<string[]>();
  });

  it("uses the input side of Zod (defaults optional, transforms' input)", () => {
    const { query } = defineHandlers<AnySchema>();
    const withDefaults = {
      m: {
        q: query({
          args: { limit: z.number().default(20), at: z.string().transform((s) => new Date(s)) },
          handler: (_ctx, args) => {
            expectTypeOf(args).toEqualTypeOf<{ limit: number; at: Date }>();
            return args.at;
          },
        }),
      },
    };
    type R = ApiFromModules<typeof withDefaults>["queries"]["m"]["q"];
    expectTypeOf<R>().toEqualTypeOf<
      Route<"query", "m/q", { limit?: number | undefined; at: string }, string>
    >();
  });

  it("merges a handler that is also a folder", () => {
    const { query } = defineHandlers<AnySchema>();
    const both = {
      blog: { posts: query({ handler: () => 1 }) },
      "blog/posts": { list: query({ handler: () => "x" }) },
    };
    type Blog = ApiFromModules<typeof both>["queries"]["blog"];
    expectTypeOf<Blog["posts"]["output"]>().toEqualTypeOf<number>();
    expectTypeOf<Blog["posts"]["list"]["output"]>().toEqualTypeOf<string>();
  });
});

describe("Jsonify", () => {
  it("is what JSON.stringify then JSON.parse gives", () => {
    expectTypeOf<Jsonify<Date>>().toEqualTypeOf<string>();
    expectTypeOf<
      Jsonify<{ a: Date | null; b?: number; c: string | undefined; f: () => void }>
    >().toEqualTypeOf<{
      a: string | null;
      b?: number;
      c?: string;
    }>();
    expectTypeOf<Jsonify<(Date | undefined)[]>>().toEqualTypeOf<(string | null)[]>();
    expectTypeOf<Jsonify<readonly [1, "a"]>>().toEqualTypeOf<(1 | "a")[]>();
    expectTypeOf<Jsonify<{ toJSON(): { x: Date } }>>().toEqualTypeOf<{ x: string }>();
    expectTypeOf<Jsonify<bigint>>().toEqualTypeOf<never>();
    expectTypeOf<JsonResult<void>>().toEqualTypeOf<null>();
    expectTypeOf<JsonResult<string | undefined>>().toEqualTypeOf<string | null>();
  });
});
