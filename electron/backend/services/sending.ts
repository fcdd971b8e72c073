// Sending batches by upload (kecamatan) and receiving them (city's receiver).
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Handlers } from './handlers.ts';

function notYet(): never {
  throw new ApiError('INTERNAL', 'Belum tersedia.');
}

export const sendingHandlers = {
  'batch.file': () => notYet(),
  'batch.sendSettings': () => notYet(),
  'batch.setSendSettings': () => notYet(),
  'batch.send': () => notYet(),
  'batch.upload': () => notYet(),
  'offices.uploadToken': () => notYet(),
} satisfies Pick<Handlers, 'batch.file' | 'batch.sendSettings' | 'batch.setSendSettings' | 'batch.send' | 'batch.upload' | 'offices.uploadToken'>;
