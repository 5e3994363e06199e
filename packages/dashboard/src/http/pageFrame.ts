import type { PageFrame } from "../views/Layout";
import type { DashboardContext, DashboardRuntime } from "./DashboardRuntime";

/** The frame of a page for the signed-in admin. */
export function pageFrame<Env extends object>(
  c: DashboardContext<Env>,
  runtime: DashboardRuntime<Env>,
  title: string,
): PageFrame {
  const user = c.get("admin").user as { email?: string | null; id: string };
  return {
    base: runtime.base,
    title,
    csrf: c.get("csrf"),
    readOnly: runtime.readOnly,
    who: user.email ?? user.id,
  };
}
