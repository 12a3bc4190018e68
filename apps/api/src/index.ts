export { createApp, API_PREFIX } from './app.js';
export { AppError, ERROR_CODES, ERROR_STATUS, type ErrorCode } from './errors.js';
export type { AppDeps, Clock } from './deps.js';
export { systemClock } from './deps.js';
export {
  chromiumPdfRenderer,
  findChromium,
  PdfUnavailableError,
  PRINT_READY_ATTRIBUTE,
  PRINT_ERROR_ATTRIBUTE,
  type PdfRenderer,
  type PdfRequest,
} from './print/pdf-renderer.js';
export { startHttpServer, KEEP_ALIVE_MS, type StartedServer } from './http-server.js';
