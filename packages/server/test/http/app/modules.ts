import * as blog_index from "./blog/index";
import * as crons_maintenance from "./crons/maintenance";
import * as docs from "./docs";
import * as mutations_projects from "./mutations/projects";
import * as schedulers_mail from "./schedulers/mail";
import * as tasks from "./tasks";

/** What the generated `<outDir>/api.ts` lists: modules keyed by their path under scanDir. */
export const modules = {
  "blog/index": blog_index,
  "crons/maintenance": crons_maintenance,
  docs,
  "mutations/projects": mutations_projects,
  "schedulers/mail": schedulers_mail,
  tasks,
};
