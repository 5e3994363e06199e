import { storageManager } from "../_generated/handlers";
import { roleIn } from "./access";

const PROJECT_KEY = /^projects\/([^/]+)\//;

/**
 * Storage rule: the members of a project (and admins) may put, get, delete and list the keys under
 * `projects/<projectId>/`. Nothing else is reachable: with no manager saying yes, storage answers 403.
 */
export const projectFiles = storageManager({
  handler: async (ctx, { path }) => {
    const projectId = PROJECT_KEY.exec(path)?.[1];
    return projectId !== undefined && (await roleIn(ctx, projectId)) !== null;
  },
});
