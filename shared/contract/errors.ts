// Typed errors cross every door as plain data; the UI translates `code` (and each issue's
// `message`, which is itself a message key) instead of showing backend text.

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'INVALID_CREDENTIALS',
  'LOGIN_DELAYED',
  'ACCOUNT_LOCKED',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'BACKUP_INVALID',
  'BACKUP_OTHER_OFFICE',
  'BACKUP_TOO_NEW',
  'BACKUP_IN_USE',
  'BACKUP_DESTINATION',
  'DB_BUSY',
  'DB_LOCKED',
  'DISK_FULL',
  'READ_ONLY',
  'PAYLOAD_TOO_LARGE',
  'JOB_CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field; `message` is a message key, `params` fill it in. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[] } & Record<string, unknown>;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ErrorCode;
  readonly details?: ApiErrorData['details'];

  constructor(code: ErrorCode, message: string, details?: ApiErrorData['details']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toData(): ApiErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }

  /** A single-field validation error, shaped like the ones schemas produce. */
  static field(path: (string | number)[], message: string, params?: FieldIssue['params']): ApiError {
    const issue: FieldIssue = params ? { path, message, params } : { path, message };
    return new ApiError('VALIDATION', message, { issues: [issue] });
  }
}

export function isApiErrorData(value: unknown): value is ApiErrorData {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as ApiErrorData).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ApiErrorData).code) &&
    typeof (value as ApiErrorData).message === 'string'
  );
}

/** What every transport carries back for one call. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
