import { expect, test } from 'vitest';
import { collectGarbage } from '../../source/tui/collect-garbage.js';

test('collectGarbage frees what nothing holds any more, at once', async () => {
  const refs = (() => {
    const garbage = Array.from({ length: 1000 }, (_, i) => ({ page: `<td>${i}</td>`.repeat(20) }));
    return garbage.map((item) => new WeakRef(item));
  })();
  // WeakRef targets live to the end of the job that made them.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  collectGarbage();
});
