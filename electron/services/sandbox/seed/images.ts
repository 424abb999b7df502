/**
 * The seed's images: the placeholder avatar and logo, and a palette of avatars and logos that
 * seeded users and organizations share.
 */
import { DEFAULT_AVATAR_ID, DEFAULT_LOGO_ID, type SandboxContext } from '../context';
import { PALETTE } from './data';
import { discPng, type Rgb } from './png';

/** IDs of the stored palette images. */
export interface SeededImages {
  avatars: string[];
  logos: string[];
}

function lighten([r, g, b]: Rgb, amount: number): Rgb {
  return [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount].map(Math.round) as unknown as Rgb;
}

function store(ctx: SandboxContext, id: string, png: Buffer): string {
  ctx.db.run('INSERT OR REPLACE INTO images (id, content_type, bytes, created_at) VALUES (?, ?, ?, ?)', [id, 'image/png', png, ctx.now()]);
  return id;
}

/** Stores the placeholder and palette images. */
export function seedImages(ctx: SandboxContext): SeededImages {
  store(ctx, DEFAULT_AVATAR_ID, discPng(64, [203, 213, 225], [241, 245, 249]));
  store(ctx, DEFAULT_LOGO_ID, discPng(64, [226, 232, 240], [148, 163, 184]));
  return {
    avatars: PALETTE.map((colour, i) => store(ctx, `img_seed_avatar_${i}`, discPng(64, colour, lighten(colour, 0.6)))),
    logos: PALETTE.map((colour, i) => store(ctx, `img_seed_logo_${i}`, discPng(96, lighten(colour, 0.85), colour))),
  };
}
