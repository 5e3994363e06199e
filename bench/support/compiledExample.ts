import { compileSchema } from "../../packages/schema/src/index";
import schema from "../../packages/server/test/boardSchema";

/** The example app's schema, compiled once per Worker: the ctx.db model and the Drizzle tables. */
export const compiledExample = compileSchema(schema);
