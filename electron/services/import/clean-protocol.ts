/** A refusal as the import worker posts it, and the `ImportError` it stands for on the other side. */
import type { ConvertibleEncoding } from '../../../core/clean/encodings.ts';
import { ImportError, type ImportErrorCode } from './import-error.ts';
import { ConversionNeeded } from './read-import-file.ts';

/** An `ImportError` as plain data. */
export interface CleanRefusal {
  code: ImportErrorCode;
  message: string;
  /** For `needs-conversion`: the encoding found. */
  encoding?: ConvertibleEncoding;
}

/** The error the worker refused with, rebuilt. */
export function refusalError(refusal: CleanRefusal, name: string): ImportError {
  if (refusal.code === 'needs-conversion' && refusal.encoding !== undefined) return new ConversionNeeded(refusal.encoding, name);
  return new ImportError(refusal.code, refusal.message);
}
