/**
 * Whether bytes are, whole, the image type they claim: each format's structure walked from its
 * signature to its end marker, with nothing after it. Magic bytes alone are not enough: "GIF89a"
 * followed by HTML starts like a GIF and is a page, and a browser sniffing it would run it.
 */
import { crc32 } from 'node:zlib';

/** `undefined` when `bytes` are a whole image of `contentType`, or why they are not. */
export function imageProblem(bytes: Uint8Array, contentType: string): string | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (contentType) {
      case 'image/png':
        return pngProblem(view);
      case 'image/gif':
        return gifProblem(view);
      case 'image/jpeg':
        return jpegProblem(view);
      case 'image/webp':
        return webpProblem(view);
      case 'image/x-icon':
      case 'image/vnd.microsoft.icon':
        return icoProblem(view);
      default:
        return `${contentType} is not an image type the Sandbox serves`;
    }
  } catch (error) {
    // Buffer reads past the end throw RangeError: the file stops in the middle of a structure.
    if (error instanceof RangeError) return 'it ends in the middle of its structure';
    throw error;
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngProblem(b: Buffer): string | undefined {
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'it does not start with the PNG signature';
  let at = 8;
  let index = 0;
  let sawData = false;
  for (;;) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return `chunk ${index} has an invalid type`;
    const end = at + 12 + length;
    if (end > b.length) return `chunk ${type} runs past the end of the file`;
    if (crc32(b.subarray(at + 4, at + 8 + length)) >>> 0 !== b.readUInt32BE(at + 8 + length)) return `chunk ${type} fails its CRC`;
    if (index === 0 && (type !== 'IHDR' || length !== 13)) return 'the first chunk is not IHDR';
    if (index === 0 && (b.readUInt32BE(at + 8) === 0 || b.readUInt32BE(at + 12) === 0)) return 'its width or height is 0';
    if (type === 'IDAT') sawData = true;
    at = end;
    index += 1;
    if (type === 'IEND') {
      if (!sawData) return 'it has no image data (IDAT)';
      return at === b.length ? undefined : `${b.length - at} bytes follow its IEND chunk`;
    }
  }
}

function gifProblem(b: Buffer): string | undefined {
  const header = b.toString('latin1', 0, 6);
  if (header !== 'GIF87a' && header !== 'GIF89a') return 'it does not start with a GIF header';
  if (b.readUInt16LE(6) === 0 || b.readUInt16LE(8) === 0) return 'its width or height is 0';
  const flags = b[10];
  let at = 13 + colourTableSize(flags);
  let images = 0;
  for (;;) {
    const introducer = b.readUInt8(at);
    if (introducer === 0x3b) {
      if (images === 0) return 'it holds no image';
      return at + 1 === b.length ? undefined : `${b.length - at - 1} bytes follow its trailer`;
    }
    if (introducer === 0x21) {
      at = skipSubBlocks(b, at + 2);
    } else if (introducer === 0x2c) {
      const localFlags = b.readUInt8(at + 9);
      at += 10 + colourTableSize(localFlags);
      const codeSize = b.readUInt8(at);
      if (codeSize < 1 || codeSize > 11) return 'an image has an invalid LZW code size';
      at = skipSubBlocks(b, at + 1);
      images += 1;
    } else {
      return `byte ${at} is neither an image, an extension nor the trailer`;
    }
  }
}

function colourTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

// Data sub-blocks: a size byte and that many bytes, until a size of 0. Returns the offset after.
function skipSubBlocks(b: Buffer, at: number): number {
  for (;;) {
    const size = b.readUInt8(at);
    at += 1 + size;
    if (size === 0) return at;
    if (at > b.length) throw new RangeError('sub-block past the end');
  }
}

function jpegProblem(b: Buffer): string | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return 'it does not start with a JPEG SOI marker';
  let at = 2;
  let sawFrame = false;
  let sawScan = false;
  for (;;) {
    if (b.readUInt8(at) !== 0xff) return `byte ${at} is not a JPEG marker`;
    while (b.readUInt8(at + 1) === 0xff) at += 1; // fill bytes
    const marker = b.readUInt8(at + 1);
    at += 2;
    if (marker === 0xd9) {
      if (!sawFrame || !sawScan) return 'it has no frame or no scan';
      return at === b.length ? undefined : `${b.length - at} bytes follow its EOI marker`;
    }
    if (marker === 0x00 || marker === 0xd8) return `marker 0x${marker.toString(16)} is out of place`;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    const length = b.readUInt16BE(at);
    if (length < 2 || at + length > b.length) return `segment 0x${marker.toString(16)} runs past the end of the file`;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true;
    at += length;
    if (marker === 0xda) {
      if (!sawFrame) return 'its scan comes before any frame';
      sawScan = true;
      // Entropy-coded data: up to the next marker that is not a stuffed 0xFF00 or a restart.
      for (;;) {
        if (at + 1 >= b.length) return 'its scan data has no end';
        if (b[at] === 0xff && b[at + 1] !== 0x00 && !(b[at + 1] >= 0xd0 && b[at + 1] <= 0xd7) && b[at + 1] !== 0xff) break;
        at += 1;
      }
    }
  }
}

function webpProblem(b: Buffer): string | undefined {
  if (b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return 'it is not a RIFF WEBP file';
  if (b.readUInt32LE(4) + 8 !== b.length) return 'its RIFF size does not match its length';
  let at = 12;
  let index = 0;
  let sawImage = false;
  while (at < b.length) {
    const fourcc = b.toString('latin1', at, at + 4);
    if (!/^[\x20-\x7e]{4}$/.test(fourcc)) return `chunk ${index} has an invalid name`;
    const size = b.readUInt32LE(at + 4);
    const data = at + 8;
    const end = data + size + (size % 2);
    if (end > b.length) return `chunk ${fourcc} runs past the end of the file`;
    if (index === 0 && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) return 'its first chunk is not VP8, VP8L or VP8X';
    if (fourcc === 'VP8 ') {
      if (size < 10 || b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return 'its VP8 frame has no start code';
      sawImage = true;
    }
    if (fourcc === 'VP8L') {
      if (size < 5 || b[data] !== 0x2f) return 'its VP8L data has no signature';
      sawImage = true;
    }
    if (fourcc === 'VP8X' && size < 10) return 'its VP8X header is too short';
    if (fourcc === 'ANMF') sawImage = true;
    at = end;
    index += 1;
  }
  return sawImage ? undefined : 'it holds no image';
}

function icoProblem(b: Buffer): string | undefined {
  if (b.readUInt16LE(0) !== 0 || b.readUInt16LE(2) !== 1) return 'it is not an icon file';
  const count = b.readUInt16LE(4);
  if (count === 0) return 'it holds no image';
  const directoryEnd = 6 + 16 * count;
  if (directoryEnd > b.length) return 'its directory runs past the end of the file';
  const images = Array.from({ length: count }, (_, i) => ({ size: b.readUInt32LE(6 + 16 * i + 8), offset: b.readUInt32LE(6 + 16 * i + 12) })).sort(
    (x, y) => x.offset - y.offset,
  );
  let covered = directoryEnd;
  for (const { size, offset } of images) {
    if (offset < covered || size === 0 || offset + size > b.length) return 'an image lies outside the file or overlaps another';
    const data = b.subarray(offset, offset + size);
    if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const problem = pngProblem(data);
      if (problem) return `an embedded PNG is not whole: ${problem}`;
    } else {
      const headerSize = data.readUInt32LE(0);
      if (![40, 108, 124].includes(headerSize) || data.readInt32LE(4) <= 0 || data.readInt32LE(8) === 0) return 'an image is neither PNG nor a bitmap';
    }
    covered = offset + size;
  }
  return covered === b.length ? undefined : `${b.length - covered} bytes follow its last image`;
}
