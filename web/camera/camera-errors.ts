// getUserMedia's failures in words a candidate can act on, in the interface language. The interview
// always goes on without the camera, so each message says that too.
// Owns: camera error → message. Must not import: Solid components, Dexie.
import { t } from '../i18n/i18n.ts';
import { errorMessage } from '../ui/error-message.ts';

export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return t('errors:camera.denied');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return t('errors:camera.notFound');
    case 'NotReadableError':
    case 'AbortError':
      return t('errors:camera.inUse');
    case 'VisionUnavailableError':
      return errorMessage(error);
    default:
      return t('errors:camera.other', { detail: error instanceof Error ? error.message : String(error) });
  }
}
