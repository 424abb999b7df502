/**
 * The Sandbox's route tables: the Backend API (below `/v1`) and the unauthenticated routes.
 */
import { Router } from '../router';
import { imageRoutes } from './open';
import { userRoutes } from './users';

/** Backend API routes (bearer key required). */
export const apiRouter = new Router([...userRoutes]);

/** Routes served without a key. */
export const openRouter = new Router([...imageRoutes]);
