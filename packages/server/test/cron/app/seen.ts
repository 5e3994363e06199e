/** What the cron handlers saw, for the tests to inspect. */
export const seen: {
  name: string;
  user: unknown;
  session: unknown;
  hasRequest: boolean;
  hasAuth: boolean;
}[] = [];
