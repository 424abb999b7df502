/** The renderer's API access: import from here. */
export { useApi, installBridge } from './client';
export type { Client } from '@shared/ipc/bridge';
