/**
 * Assertions that pair a response with the spec: the expected status (and error code), the exact
 * `Content-Type: application/json`, and a body that validates against the spec's schema.
 */
import { expect } from 'vitest';
import { specProblems } from './spec-validator';
import type { ApiResponse } from './test-sandbox';

function expectSpecValid(method: string, template: string, response: ApiResponse): void {
  expect(response.headers.get('content-type')).toBe('application/json');
  const problems = specProblems(method, template, response.status, response.body);
  expect(problems, `${method} ${template} → ${response.status} does not match the spec:\n${problems.join('\n')}\n${response.text.slice(0, 500)}`).toEqual([]);
}

/** Asserts a 200 whose body is valid for the operation; returns the body. */
export function expectOk<T = any>(method: string, template: string, response: ApiResponse): T {
  expect(response.status, `${method} ${template}: ${response.text.slice(0, 400)}`).toBe(200);
  expectSpecValid(method, template, response);
  return response.body as T;
}

/** Asserts an error status and code in Clerk's envelope, valid against the spec; returns the first error. */
export function expectError(method: string, template: string, response: ApiResponse, status: number, code: string): Record<string, any> {
  expect(response.status, `${method} ${template}: ${response.text.slice(0, 400)}`).toBe(status);
  expectSpecValid(method, template, response);
  const first = response.body.errors[0];
  expect(first.code).toBe(code);
  expect(typeof response.body.clerk_trace_id).toBe('string');
  return first;
}
