/**
 * One read for every request that arrives in one turn of the event loop (issue 20).
 *
 * A request joins the read that is gathering for its owner (a database handle) and group, or
 * starts one; the read is sent once the turn's I/O is done (setImmediate), so it is sent after
 * every request that joined it had arrived: each sees every commit before it arrived, as with a
 * query of its own. Under load dozens of requests arrive per turn and share one round trip.
 * Used for the cached reads' topic versions (http/read-cache.ts) and the sessions
 * (auth/session-repository.ts).
 */
export function gatherPerTurn<Owner extends object, Key, Result>(
  run: (owner: Owner, group: string, keys: Key[]) => Promise<Result>,
): (owner: Owner, group: string, key: Key) => Promise<Result> {
  const gathering = new WeakMap<Owner, Map<string, { keys: Set<Key>; result: Promise<Result> }>>();
  return (owner, group, key) => {
    let groups = gathering.get(owner);
    if (!groups) {
      groups = new Map();
      gathering.set(owner, groups);
    }
    let batch = groups.get(group);
    if (!batch) {
      const keys = new Set<Key>();
      const byGroup = groups;
      const result = new Promise<Result>((resolve, reject) => {
        setImmediate(() => {
          // Requests from here on start the next read: this one may already be on its way.
          byGroup.delete(group);
          run(owner, group, [...keys]).then(resolve, reject);
        });
      });
      batch = { keys, result };
      groups.set(group, batch);
    }
    batch.keys.add(key);
    return batch.result;
  };
}
