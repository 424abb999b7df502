/** The IPC contract and its helpers: import from here. */
export * from './contract';
export * from './errors';
export * from './types';
export * from './audit';
export * from './jobs';
export * from './bulk-jobs';
export { createBridge, createClient, unwrap, type Bridge, type Client, type Invoke, type Subscribe } from './bridge';
