/** A user's id pattern: `*` and `?` wildcards match the whole id, plain text matches any part; case-insensitive. */
export function idMatcher(pattern: string): (id: string) => boolean {
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return (id) => id.toLowerCase().includes(lower);
  const regex = new RegExp(
    `^${lower
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  );
  return (id) => regex.test(id.toLowerCase());
}
