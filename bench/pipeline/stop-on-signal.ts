/**
 * What a run must stop if it is interrupted. A benchmark killed with SIGTERM (or SIGINT from
 * outside its terminal) used to exit at once and leave its seven services or baseline hops running,
 * holding their ports and the machine's CPU.
 */
const stoppers = new Set<() => Promise<void>>();
let interrupted = false;

/** Runs `stop` if the process is interrupted before the returned release is called. */
export function stopOnSignal(stop: () => Promise<void>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    if (interrupted) {
      return;
    }
    interrupted = true;
    console.error(`${signal}: stopping what this run started`);
    void Promise.allSettled([...stoppers].map((stop) => stop())).then(() => process.exit(code));
  });
}
