/** Awaits a promise that must reject with an {@link AppError}, and returns that error for inspection. */
import { expect } from 'vitest';
import { AppError } from '../../shared/ipc/errors';

export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
