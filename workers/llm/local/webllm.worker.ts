// The dedicated worker WebLLM runs in: model loading, WebGPU work and token generation all happen
// here, so the interview UI never waits on the GPU. The page talks to it through web-llm's own
// WebWorkerMLCEngine protocol (see local-chat-backend.ts).
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (message: MessageEvent) => handler.onmessage(message);
