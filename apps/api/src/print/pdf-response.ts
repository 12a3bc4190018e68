// The one way a route answers with a PDF: print an app page as the requesting user.
import type { Context } from 'hono';
import { sessionTokenOf } from '../auth/access.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { PdfUnavailableError, type PdfPageFormat } from './pdf-renderer.js';

export interface PdfPage {
  /** Path and query of the print page, e.g. `/?page=plan-print&plan=3&lang=id`. */
  path: string;
  format: PdfPageFormat;
  /** Download name, ASCII letters, digits, dots and dashes. */
  filename: string;
}

export async function pdfResponse(c: Context, deps: AppDeps, page: PdfPage): Promise<Response> {
  if (!deps.pdf) throw new PdfUnavailableError('PDF output is not set up on this server; print the page from the browser instead.');
  const sessionToken = sessionTokenOf(c, deps.config.trustProxy);
  if (!sessionToken) throw new AppError('unauthenticated', 'Sign in first.');
  const bytes = await deps.pdf.render({ path: page.path, sessionToken, format: page.format });
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${page.filename.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
    'Cache-Control': 'private, no-store',
  });
}
