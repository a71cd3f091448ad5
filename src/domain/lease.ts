/**
 * Work that several processes could do (a due feed, a page re-check, a revision waiting for
 * its archive file) is claimed with a lease: the claim names its holder and ends at a time.
 * A process renews its leases while it works; one that dies stops renewing, and others take
 * the work once the lease has ended. Claims and leases live in the database (docs/scale-out.md).
 */
/** A claim's holder and when it ends (epoch ms). */
export interface Lease {
  holder: string;
  until: number;
}
