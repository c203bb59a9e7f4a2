/** The shape of one numbered schema migration. */
export interface Migration {
  /** The user_version the database has after this migration; migrations are 1, 2, 3, … */
  readonly version: number;
  readonly name: string;
  /** SQL run inside one transaction together with the user_version bump. */
  readonly up: string;
}
