/** One row of a {@link FactList}: a label and its value. */
export interface Fact {
  label: string;
  value: string;
  mono?: boolean;
  /** Dim the value (absent, never, off). */
  muted?: boolean;
  /** Show a copy button beside the value (ids, emails, trace ids, hashes, paths). */
  copy?: boolean;
  /** `data-testid` of the value, for the e2e tests. */
  testId?: string;
}
