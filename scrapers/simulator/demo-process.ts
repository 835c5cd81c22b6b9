import { startDemo } from './demo.js';

/**
 * The demo world in a process of its own (started by demo-child.ts): its servers' work and memory stay out of
 * the app's, as real offices' would. Options come as JSON in argv; the parent hears the sites and the simulated
 * time once the servers listen. The world ends when the parent says "close" or goes away.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as { start: number; speed: number; seed?: number; epoch?: number };
const demo = await startDemo({
  start: new Date(options.start),
  speed: options.speed,
  ...(options.seed === undefined ? {} : { seed: options.seed }),
  ...(options.epoch === undefined ? {} : { epoch: new Date(options.epoch) }),
});
const end = async () => {
  await demo.close();
  process.exit(0);
};
process.on('message', (message) => message === 'close' && void end());
process.on('disconnect', () => void end());
process.send?.({ sites: demo.sites, now: demo.clock.now().getTime() });
