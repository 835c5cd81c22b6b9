import { sanitize } from '../sanitize.js';
import type { CitySummary, WatchData } from './data/app-data.js';
import { resolveGoto } from './data/cursor.js';
import { parseWatchPrompt, watchAdded } from './watch-prompt.js';

/** Keys with effects beyond the UI state: they act on the data side and report in the status line. */
export function appCommands(data: WatchData, setStatus: (text: string, ms?: number) => void) {
  return {
    rescrape(city: CitySummary): void {
      if (!data.control) {
        setStatus('scraping is off (--no-scrape): nothing to rescrape');
        return;
      }
      const name = sanitize(city.name, 40);
      setStatus(`rescraping ${name} (${city.sources.length} ${city.sources.length === 1 ? 'source' : 'sources'})…`, 0);
      data.control.rescrape(city.sources.map((s) => s.sourceId)).then(
        (r) =>
          setStatus(
            `${name} rescraped: ${r.ok} ok, ${r.failed} failed` +
              `${r.skipped ? `, ${r.skipped} skipped (too soon or busy)` : ''}`,
          ),
        (error: unknown) =>
          setStatus(
            `rescrape of ${name} failed: ${sanitize(String(error instanceof Error ? error.message : error), 100)}`,
          ),
      );
    },

    /**
     * A prompt accepted: `w` adds the watch; `t` moves the history cursor in the state (city: its time line and the
     * cursor), and only why it cannot is said here.
     */
    accept(
      prompt: { kind: 'watch' | 'goto' | 'site'; city: string; text: string },
      city?: { times: readonly string[]; cursor: string | undefined },
    ): void {
      if (prompt.kind === 'watch') this.addWatch(prompt);
      else if (prompt.kind === 'site') this.addSite(prompt.text.trim());
      else this.goTo(prompt, city);
    },

    /** The `t` prompt accepted: the time travel it asks for, or why not. */
    goTo(
      prompt: { city: string; text: string },
      city?: { times: readonly string[]; cursor: string | undefined },
    ): void {
      const goto = resolveGoto(sanitize(prompt.text, 30), city?.times ?? [], city?.cursor, sanitize(prompt.city, 40));
      if ('problem' in goto) setStatus(goto.problem, 10_000);
    },

    /**
     * The `a` prompt accepted: the site is read, scraped once and saved as `sites add` does; the app follows the file.
     */
    addSite(url: string): void {
      if (!data.addSite) {
        setStatus(
          'adding a site needs the live app on your own sites (not --demo, --no-scrape or --sites FILE)',
          10_000,
        );
        return;
      }
      setStatus(`reading ${sanitize(url, 60)}…`, 0);
      data.addSite(url).then(
        (text) => setStatus(sanitize(text, 200), 15_000),
        (error: unknown) =>
          setStatus(`no site added: ${sanitize(error instanceof Error ? error.message : String(error), 200)}`, 15_000),
      );
    },

    /**
     * The `w` prompt accepted: checked as `watch add` checks it (offices: the city's), stored in the db, confirmed in
     * the status line.
     */
    addWatch({ city, text }: { city: string; text: string }): void {
      const fail = (error: unknown) =>
        setStatus(`no watch added: ${sanitize(error instanceof Error ? error.message : String(error), 160)}`, 10_000);
      const alerts = data.alerts;
      if (!alerts) {
        fail(new Error('watches need the database'));
        return;
      }
      const offices = async () =>
        (await data.scopes(city)).flatMap((scope) =>
          scope.sourceId ? [{ id: `${scope.sourceId}/${scope.locationId}`, name: scope.label }] : [],
        );
      offices()
        .then((list) => alerts.addWatch(parseWatchPrompt(city, text, undefined, list)))
        .then((watch) => setStatus(watchAdded(watch), 10_000))
        .catch(fail);
    },
  };
}
