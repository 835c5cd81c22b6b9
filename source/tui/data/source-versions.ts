/**
 * One counter per source, bumped by the data's refresh(sources) when the store holds something new of it. Every
 * cache of the app's data keys on these (a city's slots on its sources' versions, the insights on the total), so
 * what is stale is what was read at an older version: nothing else needs telling.
 */
export class SourceVersions {
  readonly #versions = new Map<string, number>();
  #total = 0;

  bump(sourceIds: Iterable<string>): void {
    for (const id of sourceIds) {
      this.#versions.set(id, this.of(id) + 1);
      this.#total++;
    }
  }

  of(sourceId: string): number {
    return this.#versions.get(sourceId) ?? 0;
  }

  /** One key for several sources: it changes when any of them changes. */
  keyOf(sourceIds: readonly string[]): string {
    return sourceIds.map((id) => `${id}:${this.of(id)}`).join(',');
  }

  /** Changes whenever any source changes. */
  get total(): number {
    return this.#total;
  }
}
