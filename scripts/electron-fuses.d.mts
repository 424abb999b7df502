/** Types for electron-fuses.mjs (the package check's fuse rules). */
export type FuseName =
  | 'runAsNode'
  | 'enableCookieEncryption'
  | 'enableNodeOptionsEnvironmentVariable'
  | 'enableNodeCliInspectArguments'
  | 'enableEmbeddedAsarIntegrityValidation'
  | 'onlyLoadAppFromAsar'
  | 'grantFileProtocolExtraPrivileges';
/** Each required fuse with its value. */
export const REQUIRED_FUSES: Readonly<Record<FuseName, boolean>>;
/** Problems with an electronFuses config, one line per fuse. */
export function fuseConfigProblems(electronFuses: unknown): string[];
/** The fuses a binary's wire holds. */
export function readFuseWire(binary: Buffer): Record<string, boolean | 'inherit'>;
/** Problems with the fuses a packaged binary holds. */
export function fuseWireProblems(binary: Buffer): string[];
/** A stand-in binary with an unflipped fuse wire. */
export function standInBinary(): Buffer;
