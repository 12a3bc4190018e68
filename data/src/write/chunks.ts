import { expectWritten } from '@pantau/db';

/**
 * Writes `rows` chunk by chunk with `write` (which answers the rows it wrote) and checks each chunk
 * wrote all its rows: a silent partial write throws, and the caller's transaction rolls back.
 */
export async function writeChunks<R>(what: string, rows: readonly R[], chunkSize: number, write: (chunk: R[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const written = await write(chunk);
    expectWritten(what, chunk.length, written);
    total += written;
  }
  return total;
}
