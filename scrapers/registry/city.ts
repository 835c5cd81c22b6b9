/** Names whose city no rule finds. */
const OVERRIDES: Record<string, string> = {
  'EVO ServicePunkt': 'Offenbach',
  'Österreichische Gesundheitskasse': 'Österreich',
  'Kammer für Arbeiter und Angestellte für das Burgenland': 'Burgenland',
  'Landesamt für Mess- und Eichwesen Berlin-Brandenburg': 'Berlin',
  'StadtPalais - Museum für Stuttgart': 'Stuttgart',
  'Psychologische Studierendenberatung Innsbruck': 'Innsbruck',
};

/** Transliterations, typos and districts of a city, as the source names spell them. */
const ALIASES: Record<string, string> = {
  Koeln: 'Köln',
  Muenster: 'Münster',
  Goeppingen: 'Göppingen',
  'Kluetzer Winkel': 'Klützer Winkel',
  Söst: 'Soest',
  Ludwigshfen: 'Ludwigshafen',
  'Frankfurt am Main': 'Frankfurt',
  'Bad-Kreuznach': 'Bad Kreuznach',
  'Essen-Borbeck': 'Essen',
  Hahnenklee: 'Goslar',
};

/**
 * Words that name the body that runs the office, followed by the place: "Stadt Bonn", "Magistrat der Stadt Butzbach".
 */
const BODY = new RegExp(
  '^(?:Stadt|Landeshauptstadt|Hansestadt|Gemeinde|Landkreis|Kreis|Landratsamt|Stadtverwaltung|' +
    'Verbandsgemeindeverwaltung|Amt|Stadtwerke|Städteregion)$',
);

/** Word endings of departments, services and kinds of office. */
const OFFICE_ENDING = new RegExp(
  '(?:amt|ämter|behörde|stelle|zentrum|center|service|punkt|beratung|dienst|bereich|verwaltung|bäder|termin|' +
    'universität|kammer|register)$',
  'i',
);

/** A word naming a department, a service or a kind of office rather than a place. */
function isOfficeWord(word: string): boolean {
  return (
    /^(?:kfz\b|corona|test|büro|netz|umtausch|erdgeschoss|elterngeld|wohngeld|landwi)/i.test(word) ||
    OFFICE_ENDING.test(word)
  );
}

/** The place words at the start of `words`: up to the first office word, a slash or a dash. */
function placeWords(words: string[]): string[] {
  const place: string[] = [];
  for (const word of words) {
    if (word === '/' || word === '-' || isOfficeWord(word)) break;
    place.push(word);
  }
  return place;
}

/**
 * The city (or district) a source's name refers to, for grouping: "Stadt Bonn" → "Bonn",
 * "Landkreis Cochem-Zell" → "Cochem-Zell", "Stadt Bielefeld Ausländerbehörde" → "Bielefeld",
 * "Testzentrum Goslar" → "Goslar", "Rheingau-Taunus-Kreis" stays.
 */
export function cityFromName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  const override = OVERRIDES[clean];
  if (override) return override;
  const words = clean.split(' ');
  const body = lastIndex(words, (word) => BODY.test(word));
  let start = 0;
  if (body >= 0 && body < words.length - 1) start = body + 1;
  else if (isOfficeWord(words[0] ?? '')) {
    // "Testzentrum Goslar", "Kfz.-Zulassungs- u. Fahrerlaubnisbehörde Essen-Borbeck", "Corona TESTZENTRUM im Elithera"
    while (start < words.length && (isOfficeWord(words[start]!) || FILLER.test(words[start]!))) start++;
  }
  const place = placeWords(words.slice(start));
  const city = place.join(' ') || clean;
  return ALIASES[city] ?? city;
}

const FILLER = /^(?:u\.|und|&|im|in|für|der|die|das)$/i;

function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
