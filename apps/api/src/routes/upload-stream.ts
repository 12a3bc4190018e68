// A multipart upload streamed to a temporary file as it arrives (issue 18: a 60 MB preview held in
// memory raised the server by 200 MB). The size limit is enforced while the body streams: the upload
// is refused with 413 as soon as the limit is crossed, and its temporary folder is removed.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Busboy from '@fastify/busboy';
import { AppError } from '../errors.js';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Each upload's folder begins so: what the import jobs' cleanup removes is recognisably an upload's. */
export const UPLOAD_FOLDER_PREFIX = 'pantau-upload-';

export interface UploadLimits {
  /** Largest request body accepted, in bytes (default 200 MB). */
  maxBytes?: number;
  /** Where upload folders are made (PANTAU_UPLOAD_DIR in the server; default the system's temporary directory). */
  tempDir?: string;
}

export interface ReceivedUpload {
  /** The text fields, by name (the last of a repeated name). */
  fields: Record<string, string>;
  /** The part named `file`, on disk; absent when the form had none. */
  file?: { name: string; path: string; size: number };
  /** The upload's own temporary folder: remove it (`discard`) once the file is no longer needed. */
  dir: string;
  discard(): Promise<void>;
}

const describeLimit = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`);
const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `The file is over ${describeLimit(maxBytes)}.`);

/** Reads a multipart/form-data request, writing its `file` part to a new temporary folder. */
export async function receiveUpload(request: Request, limits: UploadLimits = {}): Promise<ReceivedUpload> {
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new AppError('unsupported_media_type', 'Send the file as a multipart/form-data upload.');
  // A declared length over the limit is refused before a byte is read.
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const dir = await mkdtemp(join(limits.tempDir ?? tmpdir(), UPLOAD_FOLDER_PREFIX));
  const discard = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: { name: string; path: string } | undefined;
  const writes: Array<Promise<void>> = [];
  let parser: InstanceType<typeof Busboy>;
  try {
    parser = new Busboy({ headers: { 'content-type': type }, limits: { files: 1, fields: 20, fieldSize: 1024 * 1024, parts: 30 } });
  } catch {
    await discard();
    throw new AppError('invalid_parameter', 'Invalid parameter: file (a multipart/form-data body with a boundary).', [
      { parameter: 'file', message: 'not a multipart body' },
    ]);
  }
  const malformed = () =>
    new AppError('invalid_parameter', 'Invalid parameter: file (the multipart body could not be read).', [
      { parameter: 'file', message: 'malformed multipart body' },
    ]);
  const failed = new Promise<never>((_, reject) => parser.on('error', () => reject(malformed())));
  // Both are only raced below, where a rejection is thrown; handled here so that neither is unhandled meanwhile.
  failed.catch(() => {});
  const finished = once(parser, 'finish');
  finished.catch(() => {});
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, givenName: string | undefined) => {
    if (name !== 'file' || file) {
      stream.resume();
      return;
    }
    // A part without a filename (filename="" or none) is still a file part: name it plainly.
    const fileName = givenName ?? '';
    // The name on disk keeps the extension (the format); the user's own name is kept for messages.
    const safeName = fileName.replace(/[^\w.-]+/g, '_').slice(-100) || 'upload';
    file = { name: fileName || 'upload', path: join(dir, safeName) };
    const write = pipeline(stream, createWriteStream(file.path));
    // Awaited with the others after the body (Promise.all, or allSettled when the upload fails).
    write.catch(() => {});
    writes.push(write);
  });

  const reader = request.body?.getReader();
  try {
    let received = 0;
    for (;;) {
      const next = reader ? await Promise.race([reader.read(), failed]) : { done: true as const, value: undefined };
      if (next.done) break;
      received += next.value.byteLength;
      if (received > maxBytes) throw tooLarge(maxBytes);
      if (!parser.write(next.value)) await Promise.race([once(parser, 'drain'), failed]);
    }
    parser.end();
    await Promise.race([finished, failed]);
    await Promise.all(writes);
  } catch (error) {
    // Stop reading the rest of the body and drop what was written of it. The error thrown below is the
    // answer; a body that also fails to cancel (client already gone) adds nothing to it.
    void reader?.cancel().catch(() => {});
    parser.destroy();
    await Promise.allSettled(writes);
    await discard();
    throw error;
  }
  const onDisk = file ? { ...file, size: (await stat(file.path)).size } : undefined;
  return { fields, file: onDisk, dir, discard };
}
