import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { expect, test } from 'vitest';
import { useAsync } from '../../source/tui/hooks/use-async.js';

function Probe({ load, id }: { load: (() => Promise<string>) | undefined; id: number }) {
  const state = useAsync(load, [load, id]);
  return <Text>{state.loading ? 'loading' : (state.value ?? 'nothing')}</Text>;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the frame in which a load begins already says loading, not what the previous deps found', async () => {
  const app = render(<Probe load={undefined} id={1} />);
  expect(app.lastFrame()).toBe('nothing');
  let finish: (value: string) => void = () => undefined;
  const load = () => new Promise<string>((resolve) => (finish = resolve));
  app.rerender(<Probe load={load} id={1} />);
  expect(app.lastFrame()).toBe('loading');
  await settle();
  expect(app.lastFrame()).toBe('loading');
  finish('found');
  await settle();
  expect(app.lastFrame()).toBe('found');
  // New deps: their first frame says loading too; a later answer of the old ones is dropped.
  app.rerender(<Probe load={load} id={2} />);
  expect(app.lastFrame()).toBe('loading');
  finish('late');
  await settle();
  app.rerender(<Probe load={undefined} id={3} />);
  expect(app.lastFrame()).not.toBe('loading');
  app.unmount();
});
