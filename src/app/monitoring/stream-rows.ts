import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../domain/shared/app-error.js';

export type IngestFormat = 'csv' | 'jsonl';

export interface StreamedRow {
  /** 1-based line of the body where the row starts (the CSV header is line 1). */
  line: number;
  value: unknown;
}

/** The sha256 and size of everything read so far; complete once the rows are exhausted. */
export interface BodyDigest {
  sha256(): string;
  sizeBytes(): number;
}

export function formatOf(contentType: string | undefined): IngestFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the rows with Content-Type: text/csv or application/x-ndjson');
}

/**
 * Reads a request body row by row without holding it in memory: bytes are hashed and counted as
 * they pass (the trail records the sha256 of the body), and a body over `maxBytes` stops the read
 * with PAYLOAD_TOO_LARGE.
 */
export function streamRows(body: ReadableStream<Uint8Array> | null, format: IngestFormat, maxBytes: number): { rows: AsyncIterable<StreamedRow>; digest: BodyDigest } {
  if (!body) throw AppError.invalidField('body', 'is empty');
  const hash = createHash('sha256');
  let size = 0;
  let sha: string | undefined;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          controller.error(new AppError('PAYLOAD_TOO_LARGE', `body: larger than the ingestion limit of ${maxBytes} bytes`, { fields: [{ field: 'body', reason: `larger than ${maxBytes} bytes` }] }));
          return;
        }
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  const digest: BodyDigest = { sha256: () => (sha ??= hash.digest('hex')), sizeBytes: () => size };
  return { rows: format === 'csv' ? csvRows(counted) : jsonLines(counted), digest };
}

async function* csvRows(stream: ReadableStream<Uint8Array>): AsyncIterable<StreamedRow> {
  const parser = parse({ columns: (header: string[]) => header.map((h) => h.trim()), info: true, bom: true, skip_empty_lines: true, relax_column_count: false });
  // pipeline, not pipe: a failing body (over the limit) must fail the parser too, and a consumer
  // that stops early (a bad row) must cancel the body.
  pipeline(Readable.fromWeb(stream as never), parser, () => undefined);
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: item.info.lines, value: item.record };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const lines = (error as { lines?: number }).lines;
    throw AppError.invalidField(lines ? `line ${lines}` : 'body', `is not valid CSV (${(error as Error).message})`);
  }
}

async function* jsonLines(stream: ReadableStream<Uint8Array>): AsyncIterable<StreamedRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 0;
  const reader = stream.getReader();
  const parseLine = (text: string): StreamedRow | null => {
    line += 1;
    if (text.trim() === '') return null;
    try {
      return { line, value: JSON.parse(text) as unknown };
    } catch {
      throw AppError.invalidField(`line ${line}`, 'is not valid JSON');
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const row = parseLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        if (row) yield row;
        newline = pending.indexOf('\n');
      }
    }
    pending += decoder.decode();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.invalidField(`line ${line + 1}`, 'is not valid UTF-8');
  } finally {
    // A consumer that stopped at a bad row leaves the rest unread: release the body.
    void reader.cancel().catch(() => undefined);
  }
  const last = parseLine(pending);
  if (last) yield last;
}
