// Compiled by openapi.test.ts against the types openapi-typescript generated from the fixture's
// /openapi.json (src/generated/notes.ts). Each @ts-expect-error is a call that must NOT compile.
import createClient from "openapi-fetch";
import type { paths } from "../generated/notes";

const client = createClient<paths>({ baseUrl: "http://localhost:8787" });

export async function typedCalls() {
  const listed = await client.GET("/queries/notes/list", {
    params: { query: { authorId: "u1", limit: 5, tags: ["a", "b"] } },
  });
  if (listed.data) {
    const first: { id: number; title: string; tags: string[]; pinned: boolean } | undefined = listed.data[0];
    // @ts-expect-error: results are typed from `returns` (title is a string)
    const wrong: number | undefined = listed.data[0]?.title;
    void first;
    void wrong;
  }
  if (listed.error) {
    const code: string | undefined = "code" in listed.error ? listed.error.code : undefined;
    void code;
  }

  // @ts-expect-error: authorId is required
  await client.GET("/queries/notes/list", { params: { query: { limit: 5 } } });
  // @ts-expect-error: limit is a number
  await client.GET("/queries/notes/list", { params: { query: { authorId: "u1", limit: "five" } } });

  // Nested args travel as one JSON-encoded `args` parameter, which generated clients type as a string.
  await client.GET("/queries/notes/search", {
    params: { query: { args: JSON.stringify({ filter: { text: "x" } }) } },
  });

  const created = await client.POST("/mutations/notes/create", { body: { title: "hello" } });
  const id: number | undefined = created.data?.id;
  void id;
  // @ts-expect-error: title must be a string
  await client.POST("/mutations/notes/create", { body: { title: 1 } });
  // @ts-expect-error: no such route
  await client.GET("/queries/notes/nope", {});
}
