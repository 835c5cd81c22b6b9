import type { Plugin } from 'esbuild';

/**
 * level goes into the bundle (its 30 CommonJS files took 26 ms of each start), all but the file that loads its
 * native binding: that one looks for the binary beside itself, so it stays in node_modules and is required
 * from there.
 */
export const levelBindingOutside: Plugin = {
  name: 'level-binding-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\/binding$/ }, ({ importer }) =>
      /[\\/]classic-level[\\/][^\\/]+\.js$/.test(importer)
        ? { path: 'classic-level/binding.js', external: true }
        : undefined,
    );
  },
};
