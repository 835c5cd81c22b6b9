/** A set of callbacks. They are the app's code: one throwing becomes a process warning, not a stopped scheduler. */
export class Listeners<A extends unknown[]> {
  readonly #listeners = new Set<(...args: A) => void>();

  /** Add a listener; returns its unsubscribe function. */
  add(listener: (...args: A) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  emit(...args: A): void {
    for (const listener of this.#listeners) {
      try {
        listener(...args);
      } catch (error) {
        process.emitWarning(error instanceof Error ? error : String(error), 'SchedulerListenerWarning');
      }
    }
  }
}
