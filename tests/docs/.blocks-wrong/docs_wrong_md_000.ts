import { ctx } from "../src/preamble";

void ctx;
const rows = await ctx.db.tasks.findMany({ where: { title: "a" } });
rows[0]?.nope;
