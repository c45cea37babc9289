/**
 * `npm run burn-cpu [-- --seconds S --threads N]`: keeps N cores (default: all) fully busy for S
 * seconds (default 600, at most 3,600), then stops by itself. Run it beside the test suite to prove
 * the suite waits for states, not for time: `npm run burn-cpu & npm run test:e2e`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const MAX_SECONDS = 3600;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Each thread spins until `until` (epoch ms), checking the clock only now and then so almost all its
 * time is work. Plain JavaScript, evaluated: a worker thread does not go through tsx.
 */
const SPIN = `
  const { workerData } = require('node:worker_threads');
  let sink = 0;
  while (Date.now() < workerData.until) {
    for (let n = 0; n < 1000000; n += 1) sink = (sink * 31 + n) % 1000003;
  }
`;

{
  const seconds = Math.min(option('seconds', 600), MAX_SECONDS);
  const threads = Math.max(1, Math.floor(option('threads', availableParallelism())));
  const until = Date.now() + seconds * 1000;
  console.log(`burn-cpu: ${threads} thread(s) busy for ${seconds} s (pid ${process.pid})`);
  const workers = Array.from({ length: threads }, () => new Worker(SPIN, { eval: true, workerData: { until } }));
  for (const worker of workers) worker.on('error', (error) => console.error('burn-cpu: a thread failed:', error));
  let left = workers.length;
  for (const worker of workers) {
    worker.on('exit', () => {
      left -= 1;
      if (left === 0) console.log('burn-cpu: done');
    });
  }
  // Ctrl-C or a kill stops the workers with the process.
  process.on('SIGTERM', () => process.exit(0));
}
