import { createHash } from 'node:crypto';

/**
 * A source id as one file name: no path separators, no parent references, no controls, at most `maxBytes`
 * (file systems allow 255 a name, with room left for ".csv"). An id that had to be changed gets a short hash
 * of itself, so two ids never share a file ("a/b", "a_b").
 */
export function safeFileName(id: string, maxBytes = 200): string {
  const clean = id.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
  if (clean === id && Buffer.byteLength(id) <= maxBytes) return id;
  let cut = clean;
  while (Buffer.byteLength(cut) > maxBytes - 9) cut = cut.slice(0, -1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // no half surrogate pair
  return `${cut || '_'}~${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
}
