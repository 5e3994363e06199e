/** Options of `dashboard(options?)`; each defaults to the app config's `dashboard` key. */
export interface DashboardOptions {
  /** Where the dashboard is served. Default `config.dashboard.path` (`/admin`). */
  readonly path?: string;
  /** Refuse every write (rows, users, storage, mutations). Default `config.dashboard.readOnly` (false). */
  readonly readOnly?: boolean;
  /** Role a user must hold to get in. Default `"admin"`. */
  readonly role?: string;
}
