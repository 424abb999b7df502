/**
 * Routes served without a key: the images the Sandbox hands out as `image_url`.
 */
import { errors } from '../errors';
import { imageProblem } from '../image-check';
import { RawBody, type Route } from '../router';

/**
 * GET /images/{image_id}: the stored bytes with their sniffed content type, only while they are a
 * whole image of that type (a file stored before uploads were checked may not be). Every Sandbox
 * answer carries `nosniff` (server.ts), so a browser never reads the bytes as anything else.
 */
export const imageRoutes: Route[] = [
  {
    method: 'GET',
    template: '/images/{image_id}',
    handler: ({ ctx, params }) => {
      const row = ctx.db.get<{ content_type: string; bytes: Uint8Array }>('SELECT content_type, bytes FROM images WHERE id = ?', [params.image_id]);
      if (!row) throw errors.notFound(`No image was found with id ${params.image_id}`, 'Image not found');
      const problem = imageProblem(row.bytes, row.content_type);
      if (problem) throw errors.notFound(`Image ${params.image_id} is not served: it is not a whole ${row.content_type} image (${problem}).`, 'Image not found');
      return new RawBody(row.content_type, row.bytes, 200, { 'Cache-Control': 'public, max-age=31536000, immutable' });
    },
  },
];
