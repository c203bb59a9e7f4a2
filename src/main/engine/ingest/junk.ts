/**
 * Hidden files operating systems leave on cards and drives. They are not evidence of
 * anything the user filmed, so an import skips (and counts) them unless asked not to.
 */
const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db', '.localized', 'icon\r']);
const JUNK_DIRS = new Set(['.spotlight-v100', '.trashes', '.fseventsd', '.temporaryitems', '$recycle.bin', 'system volume information']);

export function isJunkFile(name: string): boolean {
  // AppleDouble companions ("._IMG_0001.JPG") hold Finder metadata, not the photo.
  return name.startsWith('._') || JUNK_NAMES.has(name.toLowerCase());
}

export function isJunkDirectory(name: string): boolean {
  return JUNK_DIRS.has(name.toLowerCase());
}
