// A file written to a temporary directory, sent as a 200 download and removed afterwards (exports).
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

export interface TemporaryFile {
  path: string;
  /** Removes the file (its directory): after sending, after a failure, or when the client goes away. */
  remove: () => Promise<void>;
}

/**
 * The file as a 200 answer with its Content-Length. It is opened here, before the answer starts, so a
 * file that cannot be opened is an error the caller's error handler answers (500 JSON), not a 200.
 * Once the 200 and its length are out, a read error can only stop the transfer: the web stream errors,
 * the server resets the connection short of the announced length, and the client sees a failed
 * download, never a shorter file that looks complete. `onReadError` logs it: nothing else would.
 */
export async function temporaryFileResponse(file: TemporaryFile, headers: Record<string, string>, onReadError: (error: Error) => void): Promise<Response> {
  let handle: FileHandle | undefined;
  let size: number;
  try {
    handle = await open(file.path);
    ({ size } = await handle.stat());
  } catch (error) {
    await handle?.close();
    await file.remove();
    throw error;
  }
  const stream = handle.createReadStream();
  // Removed once sent, or when the client goes away (the web stream's cancel destroys the file stream).
  stream.once('close', () => void file.remove());
  stream.once('error', onReadError);
  return new Response(Readable.toWeb(stream) as ReadableStream, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
}
