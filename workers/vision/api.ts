// The vision worker's contract: what the page sends (frames, as transferred ImageBitmaps) and what
// comes back (numbers about visible behaviour, never pixels). Video frames never leave the worker:
// each one is closed as soon as it is analysed.
// Owns: the types shared by the worker and the page. Must not import: DOM-only APIs, MediaPipe.

/** Where the FaceLandmarker's files come from; all same-origin or the organisation's mirror. */
export interface VisionModelFiles {
  /** The face_landmarker.task bundle. */
  modelUrl: string;
  /** MediaPipe's wasm loader (the ES-module build, for a module worker) and binary. */
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
}

export type VisionDelegate = 'GPU' | 'CPU';

export interface VisionInitOptions extends VisionModelFiles {
  /** How many faces to look for. The interview wants one (and to notice a second); a group photo more. */
  maxFaces: number;
  /** Try the GPU first; the CPU is used when the GPU is a software one or fails. */
  preferGpu: boolean;
}

export interface VisionReady {
  delegate: VisionDelegate;
  /** Why this delegate, in words for the UI. */
  reason: string;
}

export interface HeadPose {
  /** Degrees: left/right turn, nod up/down, tilt. */
  yaw: number;
  pitch: number;
  roll: number;
}

export interface ExpressionSignals {
  /** 0–1 blendshape scores (MediaPipe's), averaged over both sides where there are two. */
  smile: number;
  browRaise: number;
  /** Pressed or rolled lips and a clenched jaw: a visible sign of tension, not a feeling. */
  jawTension: number;
  /** Both eyes more than half closed in this frame. */
  eyesClosed: boolean;
}

/** One analysed frame, about the largest face (the candidate, nearest the camera). */
export interface FrameObservation {
  timestampMs: number;
  faceCount: number;
  pose: HeadPose | null;
  /** Whether the candidate appears to look at the camera: head roughly frontal and eyes not looking away. */
  eyeContact: boolean | null;
  expression: ExpressionSignals | null;
  /** Time the worker spent on this frame. */
  processingMs: number;
}

/** One second of frames, as stored with the turn and drawn in the report. */
export interface VisionSample {
  /** Seconds since the answer started. */
  second: number;
  frames: number;
  /** Frames with at least one face, and with more than one. */
  framesWithFace: number;
  framesWithSeveralFaces: number;
  /** Share of frames with a face in which the candidate looked at the camera (0–1), or null without a face. */
  eyeContact: number | null;
  yaw: number | null;
  pitch: number | null;
  roll: number | null;
  /** Mean absolute change of yaw and pitch between frames, degrees per frame: how much the head moved. */
  headMovement: number | null;
  smile: number | null;
  browRaise: number | null;
  jawTension: number | null;
  /** Blinks that started in this second. */
  blinks: number;
}

/** The worker's API, exposed through Comlink. */
export interface VisionWorkerApi {
  init(options: VisionInitOptions): Promise<VisionReady>;
  /** Analyses one video frame (the bitmap is transferred, and closed here). */
  analyseFrame(frame: ImageBitmap, timestampMs: number): Promise<FrameObservation>;
  /** Starts a new answer: samples are counted from `startMs`. */
  startAnswer(startMs: number): Promise<void>;
  /** The samples of the answer so far, including the second in progress; does not reset. */
  samples(): Promise<VisionSample[]>;
  close(): Promise<void>;
}
