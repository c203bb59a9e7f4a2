/**
 * The sentence for a format none of Tamga's own readers parse (CR3, RAF, JPEG XL, …). The
 * ExifTool fallback (exiftool/fallback.ts) replaces it with what ExifTool read, or keeps it
 * and adds why ExifTool could not read the file either; so it is one exact sentence.
 */
export function notReadByOwnReaders(format: string): string {
  return `Metadata of ${format.toUpperCase()} files is not read by Tamga's own readers; the file is archived as is.`;
}
