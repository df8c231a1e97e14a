// getUserMedia's failures in words a candidate can act on. The interview always goes on without the
// camera, so each message says that too.
// Owns: camera error → message. Must not import: Solid, Dexie.

export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. To use it, allow the camera for this site in the browser (the icon in the address bar), then turn it on again. The interview works without it.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect one and turn the camera on again, or carry on without it.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another app or tab. Close that, then turn the camera on again. The interview works without it.';
    case 'VisionUnavailableError':
      return (error as Error).message;
    default:
      return `The camera could not start (${error instanceof Error ? error.message : String(error)}). The interview works without it.`;
  }
}
