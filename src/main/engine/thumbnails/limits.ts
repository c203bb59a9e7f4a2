/**
 * The numbers every thumbnail path shares: output sizes, quality and the limits that keep a
 * hostile or merely huge file from taking the machine's memory or time.
 */

/** Long side of the grid thumbnail, in pixels. */
export const GRID_LONG_SIDE = 256;
/** Long side of the detail-pane preview, in pixels. Smaller images are never enlarged. */
export const PREVIEW_LONG_SIDE = 1280;
/** JPEG quality of both sizes: small files, no visible artefacts at these sizes. */
export const JPEG_QUALITY = 80;

/**
 * Largest image (width × height) any decoder is asked to open: above every phone and camera
 * sold today (the biggest phone sensors are 200 MP), below what would exhaust memory.
 */
export const MAX_INPUT_PIXELS = 200_000_000;
/**
 * Largest HEIC decoded. The WebAssembly decoder holds YCbCr planes and an RGBA copy in a
 * 32-bit heap (4 GiB at most), and its output is copied once more into Node: 120 MP is
 * about 1.5 GB in all, far above any phone's HEIC (48–50 MP).
 */
export const MAX_HEIC_PIXELS = 120_000_000;
/**
 * Largest still image read into memory to decode. The original stays archived either way;
 * only its preview is skipped. 256 MiB covers uncompressed 16-bit TIFF scans up to ~40 MP.
 */
export const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
/** Largest embedded preview JPEG taken out of a raw file. */
export const MAX_EMBEDDED_PREVIEW_BYTES = 64 * 1024 * 1024;

/** One ffmpeg run (one attempt at one frame); it is killed with SIGKILL when it runs over. */
export const FFMPEG_TIME_LIMIT_MS = 15_000;
/** All ffmpeg attempts for one file together (the seek, then the first-frame fallback). */
export const VIDEO_TOTAL_TIME_LIMIT_MS = 20_000;
/** The largest frame ffmpeg may send back (PNG of at most 1280 × 1280 RGBA is ~6.5 MB). */
export const MAX_FFMPEG_OUTPUT_BYTES = 32 * 1024 * 1024;
/** One HEIC decode in its worker (a 48 MP photo takes ~4 s). */
export const HEIC_TIME_LIMIT_MS = 30_000;
/** libvips stops a pipeline that runs longer than this (seconds). */
export const SHARP_TIMEOUT_SECONDS = 60;
