/**
 * The export worker thread: formats parts (key ranges) of an export on its own read-only
 * connection to the log's database file and posts each batch back as UTF-8 bytes, transferred
 * rather than copied. Started by export-threads.ts; built as its own entry for the app.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { readChangeBatches } from './change-reader';
import { exportFormat } from './export-formats';
import type { ExportWorkerData, ToExportWorker, FromExportWorker } from './export-threads';

const BATCH = 2000;

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread only');
const { dbPath, query, format } = workerData as ExportWorkerData;
const db = new DatabaseSync(dbPath, { readOnly: true });
db.exec('PRAGMA busy_timeout = 5000');
const writer = exportFormat(format);
const encoder = new TextEncoder();
const send = (message: FromExportWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
send({ type: 'ready' });

port.on('message', (message: ToExportWorker) => {
  if (message.type === 'close') {
    db.close();
    port.close();
    return;
  }
  const { part, range } = message;
  for (const rows of readChangeBatches(db, query, range, BATCH)) {
    let text = '';
    for (const row of rows) text += writer.line(row);
    // TextEncoder's bytes own their ArrayBuffer (Buffer.from may share a pool), so it can be transferred.
    const bytes = encoder.encode(text);
    send({ type: 'chunk', part, bytes, rows: rows.length }, [bytes.buffer as ArrayBuffer]);
  }
  send({ type: 'done', part });
});
