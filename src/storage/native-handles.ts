const retained: object[] = [];

/**
 * Keeps a better-sqlite3 handle (database or statement) reachable until the process exits, even
 * after it is closed. On Node 24, better-sqlite3 12 aborts the process when the garbage collector
 * finalizes one of its objects (the destructor asserts on a missing Node environment); version 13
 * fixes it but needs Node 22, and we support Node 20. A process opens few databases and prepares a
 * bounded set of statements, so holding on to them costs little.
 */
export function retainUntilExit<T extends object>(handle: T): T {
  retained.push(handle);
  return handle;
}
