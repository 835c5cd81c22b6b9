import { slugify } from './slug.js';
import type { TevisService } from './tevis-parse.js';

/**
 * tevis location ids are made of names, never of the site's ids: mdt, cnc keys, loc and calendar ids are renumbered
 * every month (and were in the older flow too), names stay. The id is `department/service` (each part slugged as
 * netappoint's ids are), with `/location` added where one service is offered at several office locations.
 */
export interface TevisIds {
  /** The id for these name parts, unique in the snapshot: a repeat gets `-2`, `-3` on its last part (page order). */
  allocate(parts: string[]): string;
}

/** Longer slugs are cut, and keep a hash of the whole (a site's name can be 10,000 characters long). */
const MAX_PART = 80;

export function createTevisIds(): TevisIds {
  const taken = new Set<string>();
  return {
    allocate(parts) {
      const slugs = parts.map((part) => idPart(part));
      let id = slugs.join('/');
      for (let n = 2; taken.has(id); n++) id = `${slugs.join('/')}-${n}`;
      taken.add(id);
      return id;
    },
  };
}

function idPart(name: string): string {
  const slug = slugify(name) || 'unnamed';
  if (slug.length <= MAX_PART) return slug;
  let hash = 2166136261;
  for (const char of slug) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `${slug.slice(0, MAX_PART - 8).replace(/-+$/, '')}-${hash.toString(36).padStart(7, '0')}`;
}

/**
 * How each service of a department is called in names and ids: its title, or, where the department lists one title
 * in several accordion sections (Mülheim: "Allgemeine Beratung" three times), "title (section)".
 */
export function serviceLabels(services: TevisService[]): Map<TevisService, string> {
  const count = new Map<string, number>();
  for (const { title } of services) count.set(title, (count.get(title) ?? 0) + 1);
  const repeated = (s: TevisService) => (count.get(s.title) ?? 0) > 1 && s.section;
  const label = (s: TevisService) => (repeated(s) ? `${s.title} (${s.section})` : s.title);
  return new Map(services.map((s) => [s, label(s)]));
}
