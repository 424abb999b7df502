/** The renderer's API access: import from here. */
export { useApi, installBridge } from './client';
export { AppError } from '@shared/ipc/errors';
export type { Client } from '@shared/ipc/bridge';
