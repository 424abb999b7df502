/**
 * The rules of an image upload (a user's profile image, later an organization's logo), one copy for
 * the drop zone that checks a file before sending and for main, which checks the bytes again:
 * Clerk's 10 MB limit, the accepted types (detected from the bytes with file-type, never from the
 * name) and the words that say why a file was refused.
 */

/** Clerk's upload limit: "The file size cannot exceed 10MB" (spec, UploadOrganizationLogo; notes §7). */
export const IMAGE_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Types Clerk accepts for a user's profile image (the spec's set for images: jpeg, png, gif, webp). */
export const PROFILE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Types the organization logo accepts: the profile image's plus icons (the seed list's set). */
export const LOGO_IMAGE_TYPES = [...PROFILE_IMAGE_TYPES, 'image/x-icon'] as const;

/** The longest base64 text an upload of {@link IMAGE_UPLOAD_MAX_BYTES} can take. */
export const IMAGE_UPLOAD_MAX_BASE64 = Math.ceil(IMAGE_UPLOAD_MAX_BYTES / 3) * 4;

const NAMES: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/x-icon': 'ICO',
  'image/vnd.microsoft.icon': 'ICO',
  'application/pdf': 'PDF',
};

/** A type as people call it: `image/png` → "PNG", otherwise the detected extension in capitals. */
export function typeName(mime: string, ext?: string): string {
  return NAMES[mime] ?? (ext ? ext.toUpperCase() : mime);
}

/** "PNG, JPEG, GIF or WebP". */
export function acceptedList(accepted: readonly string[]): string {
  const names = [...new Set(accepted.map((mime) => typeName(mime)))];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** A size in words: "10 MB", "12.4 MB", "830 KB", "512 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * A size and its limit in words that show the difference: just over the limit rounds to the limit
 * itself ("10 MB; the limit is 10 MB"), so then both are said in bytes.
 */
export function sizesToCompare(size: number, limit: number): [string, string] {
  return formatSize(size) === formatSize(limit) ? [`${size} bytes`, `${limit} bytes`] : [formatSize(size), formatSize(limit)];
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** What the bytes were found to be (file-type's answer), or undefined when nothing was recognised. */
export interface DetectedType {
  mime: string;
  ext: string;
}

/** Why a file's size cannot be uploaded (empty, or over `maxBytes`), known before reading it; undefined when it can. */
export function imageSizeProblem(file: { name: string; size: number }, accepted: readonly string[], maxBytes = IMAGE_UPLOAD_MAX_BYTES): string | undefined {
  if (file.size === 0) return `“${file.name}” is empty: choose a ${acceptedList(accepted)} image.`;
  if (file.size > maxBytes) {
    const [size, limit] = sizesToCompare(file.size, maxBytes);
    return `“${file.name}” is ${size}; the limit is ${limit}. Choose a smaller image.`;
  }
  return undefined;
}

/** Why the type the bytes show is not accepted, or undefined when it is. */
export function imageTypeProblem(file: { name: string }, detected: DetectedType | undefined, accepted: readonly string[]): string | undefined {
  const wanted = acceptedList(accepted);
  if (!detected) return `The contents of “${file.name}” are not a recognisable image, whatever its name says: choose a ${wanted} image.`;
  if (accepted.includes(detected.mime)) return undefined;
  const found = typeName(detected.mime, detected.ext);
  if (!detected.mime.startsWith('image/')) return `This is ${article(found)} ${found}, not an image: “${file.name}” must be a ${wanted} image (its name does not count).`;
  return `This is ${article(found)} ${found} image, which is not accepted here: choose a ${wanted} image.`;
}

/** Why a file cannot be uploaded, in words, or undefined when it can: its size first, then the type its bytes show. */
export function imageUploadProblem(
  file: { name: string; size: number },
  detected: DetectedType | undefined,
  accepted: readonly string[],
  maxBytes = IMAGE_UPLOAD_MAX_BYTES,
): string | undefined {
  return imageSizeProblem(file, accepted, maxBytes) ?? imageTypeProblem(file, detected, accepted);
}

// Type names are said letter by letter ("an ICO", "an SVG", "a PDF").
function article(name: string): string {
  return /^[AEFHILMNORSX]/.test(name) ? 'an' : 'a';
}
