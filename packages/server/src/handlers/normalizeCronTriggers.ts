/**
 * Normalizes `cron({ cronTrigger })`: one expression or a list → trimmed, single-spaced expressions.
 * Cloudflare cron triggers have five fields; anything else is a mistake worth failing the build on.
 */
export function normalizeCronTriggers(cronTrigger: string | readonly string[]): readonly string[] {
  const list = typeof cronTrigger === "string" ? [cronTrigger] : [...cronTrigger];
  if (list.length === 0) throw new TypeError("cron({ cronTrigger }) needs at least one cron expression");
  return list.map((expression) => {
    const normalized = normalizeCronExpression(expression);
    if (normalized.split(" ").length !== 5) {
      throw new TypeError(
        `cron({ cronTrigger: ${JSON.stringify(expression)} }): expected five fields ("minute hour day month weekday"), e.g. "0 3 * * *"`,
      );
    }
    return normalized;
  });
}

/** Trims and collapses whitespace, so `"0  3 * * *"` and `"0 3 * * *"` name the same trigger. */
export function normalizeCronExpression(expression: string): string {
  return expression.trim().replace(/\s+/g, " ");
}
