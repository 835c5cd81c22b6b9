import type { RegistrySite } from './registry.js';

/**
 * Sources the published data set never had, on systems it never read: build-registry adds them to the sources of
 * metadata.json. München's Bürgerbüros book through ZMS (protocols-zms.md §1: the API host the public monitoring
 * scripts use, the path the booking page's frontend calls); the services are its often-searched ones (§3):
 * Wohnsitz anmelden, Reisepass, Personalausweis; params.page is the booking page alerts link to. The pacing is the
 * scraper's default, 0.45 requests/s.
 */
export const EXTRA_SITES: readonly RegistrySite[] = [
  {
    id: 'muenchen-zms',
    system: 'zms',
    name: 'Landeshauptstadt München Bürgerservice',
    city: 'München',
    url: 'https://www48.muenchen.de/buergeransicht/api/citizen/',
    params: {
      services: '1063475,1063453,1063441',
      page: 'https://stadt.muenchen.de/buergerservice/terminvereinbarung.html',
    },
  },
];
