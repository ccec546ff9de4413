// Test-only preload for the language server (`node --expose-gc -r heapProbe.cjs`):
// on SIGUSR2 it runs a full garbage collection and writes the live heap to stderr as
// `heap-probe <n> <bytes>`, n counting the probes. Unlike RSS, which moves with the
// collector's timing and is not returned to the system at once, the heap left after a
// full collection is what the server really keeps.
'use strict';
let probes = 0;
process.on('SIGUSR2', () => {
  global.gc();
  process.stderr.write(`heap-probe ${++probes} ${process.memoryUsage().heapUsed}\n`);
});
