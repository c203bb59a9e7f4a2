/**
 * The `tamga-media:` protocol in Electron: registered as privileged before the app is
 * ready (standard, secure, streaming, so video elements can seek in it), and answered on
 * the window's session by the media service. No fetch or CORS privileges: only the
 * image and video elements of the window load from it.
 */
import { protocol, type Session } from 'electron';
import type { MediaService } from './media-service';
import { MEDIA_SCHEME } from './media-scheme';

/** Must run before app 'ready'. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } }]);
}

export function serveMedia(session: Session, media: MediaService): void {
  session.protocol.handle(MEDIA_SCHEME, (request) => media.answer(request));
}
