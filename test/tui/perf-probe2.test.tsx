import { EventEmitter } from 'node:events';
import { render, Text } from 'ink';
import { useEffect, useState } from 'react';
import { test } from 'vitest';

class Out extends EventEmitter { columns = 80; rows = 24; isTTY = true; write = () => true; }
let t0 = 0; const log: string[] = [];
function C({ bump }: { bump: (f: (n: number) => void) => void }) {
  const [n, setN] = useState(0);
  useEffect(() => bump(setN), []);
  return <Text>{n}</Text>;
}
test('latency', async () => {
  let set!: (n: number) => void;
  const i = render(<C bump={(f) => (set = f)} />, { stdout: new Out() as any, patchConsole: false, maxFps: 60, onRender: () => log.push(`R@${(performance.now() - t0).toFixed(1)}`) } as any);
  await new Promise((r) => setTimeout(r, 200));
  for (let k = 1; k < 6; k++) { t0 = performance.now(); set(k); await new Promise((r) => setTimeout(r, 100)); }
  for (let k = 6; k < 16; k += 2) { t0 = performance.now(); set(k); await new Promise((r) => setTimeout(r, 5)); set(k + 1); await new Promise((r) => setTimeout(r, 100)); log.push('|'); }
  console.log(log.join(' '));
  i.unmount();
});
