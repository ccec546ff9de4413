// Wall-clock and CPU time of one piece of server work, for `$/logTrace` lines (the
// perf script reads them: CPU time stays meaningful on a busy machine).
import { performance } from 'perf_hooks';

export function startTimer(): () => string {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return `${(performance.now() - wall).toFixed(2)} ms (cpu ${((used.user + used.system) / 1000).toFixed(2)} ms)`;
  };
}
