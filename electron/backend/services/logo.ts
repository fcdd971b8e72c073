import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { ApiError } from '../../../shared/contract/errors.ts';
import { LOGO_MAX_BYTES } from '../../../shared/contract/office.ts';

const MAX_SIDE = 4000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);


/**
 * Decodes the whole image: a header check alone lets a truncated or corrupt file through,
 * and it would then break every document that prints the logo.
 */
/** `field` names the picture in messages too: `logo` (validation.logo_*) or `image` (validation.image_*). */
export function validateImage(mimeType: string, dataBase64: string, field: 'logo' | 'image' = 'logo'): Buffer {
  const invalid = () => ApiError.field([field], `validation.${field}_invalid`);
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length === 0) throw invalid();
  if (data.length > LOGO_MAX_BYTES) {
    throw ApiError.field([field], field === 'logo' ? 'validation.logo_too_large' : 'validation.image_too_large_kb', { maxKb: LOGO_MAX_BYTES / 1024 });
  }
  try {
    if (mimeType === 'image/png') {
      if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('signature');
      // Width and height sit in the IHDR chunk; refuse huge images before decoding them.
      if (data.readUInt32BE(16) > MAX_SIDE || data.readUInt32BE(20) > MAX_SIDE) throw new Error('dimensions');
      PNG.sync.read(data);
    } else if (mimeType === 'image/jpeg') {
      if (data[0] !== 0xff || data[1] !== 0xd8) throw new Error('signature');
      const img = jpeg.decode(data, { maxResolutionInMP: 16, maxMemoryUsageInMB: 128, tolerantDecoding: false });
      if (img.width > MAX_SIDE || img.height > MAX_SIDE) throw new Error('dimensions');
    } else {
      throw ApiError.field([field], `validation.${field}_type`);
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw invalid();
  }
  return data;
}
