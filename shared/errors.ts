/**
 * The closed catalogue of error codes, shared by the server (which maps each to an HTTP status)
 * and the web app (which decides what to show by code, never by message text).
 */
export const ERROR_STATUS = {
  /** The body, query or parameters do not match the route's schema; `fields` says where. */
  VALIDATION_FAILED: 400,
  /** The body is not valid JSON, or has the wrong content type. */
  MALFORMED_REQUEST: 400,
  /** A protocol code with the wrong length or check digit: rejected before any lookup. */
  PROTOCOL_CODE_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  /** Authenticated, but this actor may not do this (role, agency or ownership). */
  FORBIDDEN: 403,
  /** A cookie-authenticated change without the anti-CSRF header. */
  CSRF_HEADER_MISSING: 403,
  /** The IdCorreios sign-in could not be completed: expired, replayed, or a token that failed a check. */
  CITIZEN_SIGN_IN_FAILED: 401,
  NOT_FOUND: 404,
  /** Unknown code, or a protocol this actor may not see: the answer is the same on purpose. */
  PROTOCOL_NOT_FOUND: 404,
  /** The protocol's status does not allow this transition (e.g. cancelling a finalised one). */
  ILLEGAL_TRANSITION: 409,
  /** A pre-attendance past its expiry date; it has just been marked expired. */
  PROTOCOL_EXPIRED: 409,
  /** A unique value is already taken (a code, a staff number, a counter reference). */
  CONFLICT: 409,
  /** The record changed since the screen read it (optimistic concurrency): reload and redo. */
  STALE_VERSION: 409,
  /** A request with this idempotency key is still being processed. */
  IDEMPOTENCY_IN_FLIGHT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The idempotency key was used before with a different request body. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** The hosted form's data does not satisfy the service's form definition. */
  FORM_INVALID: 422,
  /** The attendant did not confirm every document the service requires. */
  DOCUMENTS_MISSING: 422,
  /** No tariff of the contract is valid today for the service. */
  TARIFF_NOT_FOUND: 422,
  /** The service is inactive, not offered at this agency, or not for this attendance type. */
  SERVICE_NOT_AVAILABLE: 422,
  /** An ERP catalogue import has bad records; `fields` names each line and column. */
  IMPORT_INVALID: 422,
  /** A business rule other than the above refused the request; the message says which. */
  RULE_VIOLATED: 422,
  /** The client's partner system, asked before creating the protocol, refused the attendance. */
  PARTNER_REFUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The client's partner system did not answer in time, or answered something unreadable. */
  PARTNER_UNAVAILABLE: 502,
  /** The database is not reachable; try again shortly. */
  UNAVAILABLE: 503,
  /** The citizens' identity provider (IdCorreios) did not answer; try again shortly. */
  SIGN_IN_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field's problem: `field` is a dotted path into the request (`body.formData.cpf`). */
export type ErrorField = { field: string; code: string; message: string };

/** The body of every error response. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: ErrorField[] };
};
