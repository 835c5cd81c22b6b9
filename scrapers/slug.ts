/**
 * A name as an id that survives a site's renumbering: lower-cased, `ß`→`ss`, accents stripped (NFKD, ASCII kept),
 * other characters → `-`, runs collapsed, trimmed: "Führerscheinwesen" → `fuhrerscheinwesen`.
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0080-\uffff]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
