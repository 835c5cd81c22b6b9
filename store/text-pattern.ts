/**
 * The one matcher of a user's pattern (list, -i/-e, watches, the app's filter): case-insensitive; `*` and `?`
 * wildcards match the whole text, plain text any part of it; umlauts match with or without their dots and as
 * transliterated ("mülheim", "muelheim" and "Mulheim" all find "Mülheim an der Ruhr"; ß as ss).
 */
export function patternMatcher(pattern: string): (text: string) => boolean {
  const needles = foldings(pattern.trim());
  if (!/[*?]/.test(pattern)) return (text) => foldings(text).some((hay, i) => hay.includes(needles[i]!));
  const regexes = needles.map(
    (needle) =>
      new RegExp(
        `^${needle
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replaceAll('*', '.*')
          .replaceAll('?', '.')}$`,
        'u',
      ),
  );
  return (text) => foldings(text).some((hay, i) => regexes[i]!.test(hay));
}

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** True when two texts are the same under the matcher's folding ("Mülheim" and "muelheim"). */
export function sameText(a: string, b: string): boolean {
  const [x, y] = [foldings(a.trim()), foldings(b.trim())];
  return x[0] === y[0] || x[1] === y[1];
}

/** A text lower-cased two ways: accents dropped ("mulheim"), and German transliteration ("muelheim"). */
function foldings(text: string): [string, string] {
  const lower = text.toLowerCase();
  const plain = lower.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
  const german = lower
    .replace(/[äöüß]/g, (c) => TRANSLITERATION[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  return [plain, german];
}
