// Whether MediaPipe's GPU delegate is worth trying here. Its GPU path runs on WebGL2; on a software
// renderer (SwiftShader, llvmpipe: headless machines, some VMs and old laptops) it is about ten times
// slower than the CPU delegate, so the CPU is used there.
// Owns: the delegate decision and its reason. Works in a worker (OffscreenCanvas) or a page.
import type { VisionDelegate } from './api.ts';

export interface DelegateChoice {
  delegate: VisionDelegate;
  reason: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function chooseDelegate(preferGpu: boolean): DelegateChoice {
  if (!preferGpu) return { delegate: 'CPU', reason: 'The CPU is used, as asked.' };
  const renderer = webGl2Renderer();
  if (renderer === null) return { delegate: 'CPU', reason: 'This browser has no WebGL2 in workers, so the CPU is used.' };
  if (SOFTWARE_RENDERER.test(renderer)) return { delegate: 'CPU', reason: `The GPU here is a software one (${renderer}), slower than the CPU, so the CPU is used.` };
  return { delegate: 'GPU', reason: `The GPU (${renderer}) is used.` };
}

function webGl2Renderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
