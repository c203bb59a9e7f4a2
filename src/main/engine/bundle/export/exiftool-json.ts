/**
 * metadata/exiftool/E0001.json: ExifTool's whole output for one exhibit, for the exhibits
 * ExifTool (Tamga's reader of last resort) read at import. docs/formats.md,
 * "metadata/exiftool/E0001.json", gives the exact form; `JSON.stringify(document, null, 2)`
 * plus a line feed, members in this order. `tags` is ExifTool's own JSON object for the file
 * (`exiftool -json -G -n -struct -u`), members in ExifTool's order, `SourceFile` the path
 * the file was read from at import.
 */
import type { ExifToolOutput } from '../../items/exiftool-output';

export interface ExifToolDocument {
  readonly format: 'tamga-exiftool';
  readonly formatVersion: 1;
  readonly exhibit: string;
  readonly exiftoolVersion: string;
  readonly args: readonly string[];
  readonly readAt: string;
  readonly tags: unknown;
}

export function exiftoolDocument(exhibit: string, output: ExifToolOutput): ExifToolDocument {
  return { format: 'tamga-exiftool', formatVersion: 1, exhibit, exiftoolVersion: output.version, args: output.args, readAt: output.readAt, tags: JSON.parse(output.json) as unknown };
}

export function exiftoolJson(exhibit: string, output: ExifToolOutput): string {
  return `${JSON.stringify(exiftoolDocument(exhibit, output), null, 2)}\n`;
}
