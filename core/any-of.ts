/** One regular expression matching any of `parts`, tried in order: a long alternation written one part a line. */
export function anyOf(parts: RegExp[], flags = ''): RegExp {
  return new RegExp(parts.map((part) => part.source).join('|'), flags);
}
