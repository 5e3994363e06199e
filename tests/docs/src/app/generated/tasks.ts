// What `appflare build` would write for the sample app's scheduler tasks (see docs/jobs-and-cron.md).
export interface Tasks {
  "mail/sendDigest": { userId: string; since?: Date | undefined };
  "tasks/reindex": { projectId: string };
}
