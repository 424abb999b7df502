/**
 * Routes served without a key: the images the Sandbox hands out as `image_url`.
 */
import { errors } from '../errors';
import { RawBody, type Route } from '../router';

/** GET /images/{image_id}: the stored bytes with their sniffed content type. */
export const imageRoutes: Route[] = [
  {
    method: 'GET',
    template: '/images/{image_id}',
    handler: ({ ctx, params }) => {
      const row = ctx.db.get<{ content_type: string; bytes: Uint8Array }>('SELECT content_type, bytes FROM images WHERE id = ?', [params.image_id]);
      if (!row) throw errors.notFound(`No image was found with id ${params.image_id}`, 'Image not found');
      return new RawBody(row.content_type, row.bytes, 200, { 'Cache-Control': 'public, max-age=31536000, immutable' });
    },
  },
];
