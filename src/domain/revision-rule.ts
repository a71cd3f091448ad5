/**
 * When an entry seen again becomes a new revision: its fingerprint (of the publisher's own
 * text, domain/text-fingerprint.ts) or its title key differs from the latest revision's.
 * A latest revision without a fingerprint (imported from bare archive files) cannot be
 * compared, so the entry counts as changed: a duplicate is cheaper than a lost version. One
 * without a title key (imported) is compared by fingerprint alone. Every back end and every
 * caller that predicts the store's decision (full text) uses this one rule.
 */

/** The parts of a revision the rule compares; null and undefined both mean "not known". */
export interface RevisionMarks {
  fingerprint?: string | null;
  titleKey?: string | null;
}

/** Returns true when `incoming` differs from `latest` enough to be kept as a new revision. */
export function isNewRevision(latest: RevisionMarks, incoming: { fingerprint: string; titleKey: string }): boolean {
  if (latest.fingerprint === null || latest.fingerprint === undefined || latest.fingerprint !== incoming.fingerprint) {
    return true;
  }
  return latest.titleKey !== null && latest.titleKey !== undefined && latest.titleKey !== incoming.titleKey;
}
