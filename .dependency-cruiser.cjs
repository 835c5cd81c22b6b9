// The layers run one way: core ◀ scrapers, store ◀ source (see README, "Where things are"). `npm test` runs this.
// TypeScript 7 has no JavaScript API for dependency-cruiser to parse with, so it parses with swc; swc marks
// `import type`, which the rules below let through where only types cross.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-ours',
      comment: 'core/ is the floor: the contract types, wall time and coded errors. It imports only node.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(scrapers|store|source)/' },
    },
    {
      name: 'no-import-of-the-app',
      comment: 'scrapers/ and store/ never import source/ (the app wires them, not the other way round).',
      severity: 'error',
      from: { path: '^(scrapers|store)/' },
      to: { path: '^source/' },
    },
    {
      name: 'siblings-apart',
      comment: 'store/ and scrapers/ are siblings and never import each other: what both need lives in core/.',
      severity: 'error',
      from: { path: '^(scrapers|store)/' },
      to: { path: '^(scrapers|store)/', pathNot: '^$1/' },
    },
    {
      name: 'the-store-through-its-index',
      comment: 'source/ reads and writes the store only through store/index.ts, its API.',
      severity: 'error',
      from: { path: '^source/' },
      to: { path: '^store/', pathNot: '^store/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle hides which way a module depends.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
