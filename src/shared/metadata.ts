/**
 * What the import learns about a file's content, each field with the place it was read
 * from. Plain JSON-safe data: it is stored as `items.metadata_json`, crosses IPC and is
 * shown by the renderer, so it holds no Buffers, Dates, BigInts or class instances.
 *
 * Nothing here is ever guessed: a field the file does not state is `null`, and whatever
 * went wrong while reading is a sentence in `problems` (the file is archived all the same).
 */

export type MediaKind = 'photo' | 'video' | 'other';

/**
 * Where a capture time came from. The precedence (capture-time.ts in the engine) is:
 * EXIF DateTimeOriginal > XMP exif:DateTimeOriginal > XMP photoshop:DateCreated > IPTC
 * DateCreated+TimeCreated > EXIF DateTimeDigitized > XMP xmp:CreateDate > Apple
 * creationdate > udta 'date' > udta '©day' > mvhd. When none of them holds a date the
 * capture time is null: the file system's modification time is a file time, kept with the
 * acquisition (`Acquisition.fileModified`), never a capture time.
 * - `exif`: EXIF DateTimeOriginal (with OffsetTimeOriginal and SubSecTimeOriginal when present);
 * - `exif-digitized`: EXIF DateTimeDigitized (CreateDate), used only when DateTimeOriginal is
 *   absent or blank: for a camera it is the same moment, for a scanner the scan;
 * - `xmp`: XMP exif:DateTimeOriginal, photoshop:DateCreated or xmp:CreateDate (a photo whose
 *   date lives only in XMP);
 * - `iptc`: IPTC-IIM DateCreated with TimeCreated (press and agency photos);
 * - `quicktime-creationdate`: Apple's `com.apple.quicktime.creationdate`, local time with
 *   its zone, the start of recording;
 * - `udta-date`: the user-data `date` (Android, FLIR) or `©day` atom, usually ISO 8601
 *   with a zone;
 * - `mvhd`: the movie header's creation time, a UTC instant with no local zone by the
 *   standard; from cameras known to write their local clock there (GoPro, DJI) it is kept
 *   as a clock time with a zone hint instead;
 * - `exiftool`: read by ExifTool, Tamga's reader of last resort, from a file Tamga's own readers
 *   leave without a date (CR3, RAF, JPEG XL, …); `field` names ExifTool's tag, and the same
 *   rules decide whether the instant is known (EXIF OffsetTimeOriginal yes, XMP zone no);
 * - `file-mtime`: only in items imported by Tamga before 0.3 and not yet corrected; no
 *   longer produced (index migration 14 removes it).
 */
export type CaptureTimeSource =
  | 'exif'
  | 'exif-digitized'
  | 'xmp'
  | 'iptc'
  | 'quicktime-creationdate'
  | 'udta-date'
  | 'mvhd'
  | 'file-mtime'
  | 'exiftool';

/**
 * Why a zone is only a hint:
 * - `xmp-zone`: the zone of an XMP date, which editing software (Photoshop, Lightroom,
 *   digiKam) writes from the editing computer's own zone, not the camera's;
 * - `iptc-zone`: likewise for IPTC TimeCreated, written by captioning and editing software;
 * - `mvhd-local-clock`: the camera (GoPro, DJI) writes its local clock into the movie
 *   header, which the standard says is UTC: the time is the camera's clock, its zone unknown.
 */
export type ZoneHintReason = 'xmp-zone' | 'iptc-zone' | 'mvhd-local-clock';

export interface ZoneHint {
  readonly reason: ZoneHintReason;
  /** The zone the hint names, minutes east of UTC; null when it names none (`mvhd-local-clock`). */
  readonly offsetMinutes: number | null;
  /** The tag the hint comes from, e.g. "XMP exif:DateTimeOriginal". */
  readonly field: string;
  /** `mvhd-local-clock`: the camera family known to write local time ("GoPro"). */
  readonly camera?: string;
}

/**
 * The GPS clock (UTC, from the satellites) set beside the capture time. It dates the
 * position fix, which may be older than the picture, so it never becomes the capture
 * time; it checks it.
 * - `agrees`: the capture instant is known and within 2 minutes of the GPS time;
 * - `disagrees`: the capture instant is known and further than that from the GPS time;
 * - `implies-zone`: the clock time has no known zone, and its distance from the GPS time
 *   is a whole zone (a multiple of 15 minutes, within 2 minutes): `impliedOffsetMinutes`;
 * - `no-zone-fits`: the clock time has no known zone and no zone explains its distance.
 */
export interface GpsTimeCheck {
  readonly gpsUtc: string;
  readonly field: string;
  readonly result: 'agrees' | 'disagrees' | 'implies-zone' | 'no-zone-fits';
  /** Capture clock (or instant) minus GPS time, in whole seconds. */
  readonly differenceSeconds: number;
  readonly impliedOffsetMinutes: number | null;
}

export interface CaptureTime {
  /**
   * The wall-clock time as the device recorded it, `YYYY-MM-DDTHH:MM:SS` with `.sss` when
   * subseconds were recorded, never with a zone. `null` when the source is an instant with
   * no local zone (`mvhd`): the camera's clock time is then simply unknown, and inventing
   * one from the importing computer's zone would be wrong.
   */
  readonly local: string | null;
  /** Minutes east of UTC of `local`, when the file itself establishes it; else null. */
  readonly utcOffsetMinutes: number | null;
  /** The instant as ISO 8601 UTC (`…Z`) when it is known; else null. */
  readonly utc: string | null;
  readonly source: CaptureTimeSource;
  /**
   * True when the UTC instant is known (`utc` is set): the file itself establishes it, with
   * EXIF OffsetTime…, a QuickTime creationdate or udta date with its zone, or a movie
   * header that is UTC by the standard (`mvhd` from a camera not known to write local time;
   * `utcOffsetMinutes` stays null then, since the zone the camera was in is unknown). A zone
   * from XMP or IPTC, or an mvhd from a camera that writes local time, is never "known": it
   * is a `zoneHint`.
   */
  readonly offsetKnown: boolean;
  /** The exact tag(s) read, e.g. "EXIF DateTimeOriginal + OffsetTimeOriginal", for people. */
  readonly field: string;
  /** A zone the file suggests but does not establish, with why; absent when there is none. */
  readonly zoneHint?: ZoneHint;
  /** The capture time checked against the GPS clock, when the file holds a GPS date and time. */
  readonly gpsCheck?: GpsTimeCheck;
}

/** `exiftool`: read by ExifTool (Composite:GPSLatitude/Longitude/Altitude), see CaptureTimeSource. */
export type GpsSource = 'exif' | 'xmp' | 'quicktime-iso6709' | 'udta-xyz' | '3gpp-loci' | 'exiftool';

export interface GpsPosition {
  /** Signed decimal degrees: south is negative. */
  readonly lat: number;
  /** Signed decimal degrees: west is negative. */
  readonly lon: number;
  /** Metres above sea level (negative below); null when not stated. */
  readonly alt: number | null;
  readonly source: GpsSource;
}

export type TextSource = 'exif' | 'xmp' | 'quicktime-keys' | 'quicktime-udta' | 'quicktime-ilst' | 'exiftool';

export interface TextField {
  readonly value: string;
  readonly source: TextSource;
}

/** The container structure a pixel size was read from. */
export type PixelSizeSource =
  | 'jpeg-sof'
  | 'png-ihdr'
  | 'gif-header'
  | 'bmp-header'
  | 'webp-header'
  | 'tiff-ifd'
  | 'heif-ispe'
  | 'tkhd'
  | 'stsd'
  | 'exiftool';

export interface PixelSize {
  readonly width: number;
  readonly height: number;
  readonly source: PixelSizeSource;
}

export interface ExtractedMetadata {
  readonly kind: MediaKind;
  /**
   * Short id of the content's format, sniffed from its bytes (never from the name):
   * jpeg png gif bmp webp tiff dng cr2 nef heic heif avif mp4 mov m4v 3gp 3g2, or null.
   */
  readonly format: string | null;
  /** MIME type sniffed from the content; null when the content is not recognised. */
  readonly mime: string | null;
  readonly captureTime: CaptureTime | null;
  readonly gps: GpsPosition | null;
  readonly make: TextField | null;
  readonly model: TextField | null;
  readonly lens: TextField | null;
  readonly software: TextField | null;
  /** EXIF Orientation 1–8 as recorded (also kept for HEIF, where it is not applied). */
  readonly orientation: number | null;
  /**
   * Clockwise degrees (0, 90, 180, 270) a viewer turns the stored pixels to show them:
   * a video track's tkhd matrix, or a HEIF image's `irot`. Null for other photos (their
   * turn is `orientation`) and when not stated.
   */
  readonly rotation: number | null;
  /** True when the container mirrors the image (HEIF `imir`, or a mirrored tkhd matrix). */
  readonly mirrored: boolean;
  /** Pixel size as stored in the file. */
  readonly pixelSize: PixelSize | null;
  /**
   * Pixel size as a viewer shows it: the stored size with exactly one turn applied. For
   * JPEG, PNG, TIFF and WebP that is the EXIF Orientation; for HEIF/AVIF it is `irot`
   * (HEIF readers must apply it and must ignore EXIF Orientation, which Apple writes as a
   * duplicate of the same turn); for videos it is the track matrix.
   */
  readonly displaySize: { readonly width: number; readonly height: number } | null;
  /** Movie duration in seconds (mvhd duration / timescale); videos only. */
  readonly durationSeconds: number | null;
  /** mvhd creation time as ISO 8601 UTC (1904 epoch); null when absent or zero. */
  readonly videoCreatedAt: string | null;
  /**
   * The GPS clock as the file records it (EXIF GPSDateStamp + GPSTimeStamp, GoPro's GPMF
   * GPSU), ISO 8601 UTC; absent or null when not recorded. It dates the position fix.
   */
  readonly gpsTime?: { readonly utc: string; readonly field: string } | null;
  /** Everything read, as JSON-safe data, for experts and for later re-interpretation. */
  readonly raw: RawMetadata;
  /**
   * Whether ExifTool, the reader of last resort, was asked about this file and what came of
   * it; absent when Tamga's own readers needed no help (or for items imported before 0.4).
   */
  readonly exiftool?: ExifToolUse;
  /**
   * Plain-language sentences: what could not be read and why, and what a reviewer should
   * know about what was read (a misleading extension, a 0°,0° position). Empty when all is well.
   */
  readonly problems: readonly string[];
}

/** Fields ExifTool may fill, only where Tamga's own readers left them unknown. */
export type ExifToolField = 'captureTime' | 'make' | 'model' | 'pixelSize' | 'gps' | 'orientation';

/**
 * Why ExifTool gave nothing:
 * - `cannot-start`: the program could not be started (no Perl, a missing or broken program, or it
 *   did not answer within the time limit);
 * - `timed-out`: reading this file took longer than the limit (the process was killed);
 * - `failed`: ExifTool started but could not read this file (`detail` says what it said);
 * - `file-changed`: the source file changed between its archiving and ExifTool's read, so what
 *   ExifTool read may not be the archived bytes: nothing of it was kept;
 * - `disabled`: the fallback was turned off for this import.
 */
export type ExifToolFailureReason = 'cannot-start' | 'timed-out' | 'failed' | 'file-changed' | 'disabled';

export interface ExifToolUse {
  readonly status: 'read' | 'failed';
  /** ExifTool's version ("13.59") when it read the file. */
  readonly version: string | null;
  /** The fields it filled (empty when it read the file but found nothing Tamga lacked). */
  readonly filled: readonly ExifToolField[];
  /** `failed` only. */
  readonly reason?: ExifToolFailureReason;
  /** `failed` only: ExifTool's or the system's own words, for experts (English). */
  readonly detail?: string;
}

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface RawMetadata {
  /** exifr's output per EXIF block (ifd0, exif, gps); bytes as `{ $bytes, hex }` (hex only when short). */
  readonly exif?: JsonValue;
  /** exifr's output for IPTC-IIM. */
  readonly iptc?: JsonValue;
  /** exifr's output for XMP, per namespace. */
  readonly xmp?: JsonValue;
  /** Values read from the container structure (boxes, chunks, headers). */
  readonly container?: JsonValue;
  /** An outline of the ISO-BMFF boxes (type, offset, size), trimmed for large files. */
  readonly boxes?: JsonValue;
}
