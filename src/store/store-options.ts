/** Which back end a store opens, and where: chosen by the composition root, passed to threads that open their own connection. */
export type StoreOptions = { backend: 'sqlite'; path: string; busyTimeoutMs?: number };
