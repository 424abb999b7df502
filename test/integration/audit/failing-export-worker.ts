/** A stand-in export worker that starts, then fails on its first part: for the failure tests. */
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ type: 'ready' });
parentPort?.on('message', () => {
  throw new Error('the export thread broke down');
});
