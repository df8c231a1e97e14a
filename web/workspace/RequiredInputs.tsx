// An assigned interview whose template requires the camera and/or the microphone: the message that
// says what the interviewer requires, what is wrong and what to do, with a "Try again" button (used
// before starting, on the home screen, and during the interview), and the interview screen's hook
// that starts a required camera, keeps a required microphone open, notices either one stopping, and
// says when the interview must hold until they are back.
import { createEffect, createSignal, For, on, onCleanup, Show, type Accessor, type Resource } from 'solid-js';
import type { CameraState } from '../camera/camera-controller.ts';
import type { AssignmentRecord } from '../data/db.ts';
import { t } from '../i18n/i18n.ts';
import { checkRequiredInputs, watchMicrophone, watchVideoTracks, type MicrophoneWatch } from './check-inputs.ts';
import { missingInputs, problemKey, problemOfMediaError, requiredInputsOf, typingAllowed, type MissingInput, type RequiredInput, type VoiceStatus } from './required-inputs.ts';
import './workspace-candidate.css';

export function RequiredInputsMessage(props: {
  org: string;
  required: readonly RequiredInput[];
  missing: readonly MissingInput[];
  checking: boolean;
  /** 'start': the interview has not started; 'interview': it is held. */
  when: 'start' | 'interview';
  onRetry: () => void;
}) {
  const what = () => (props.required.length === 2 ? t('assigned:inputs.both') : props.required[0] === 'camera' ? t('assigned:inputs.camera') : t('assigned:inputs.microphone'));
  return (
    <div class="required-inputs stack-tight" role="alert" data-testid="required-inputs">
      <strong>{t('assigned:inputs.required', { org: props.org, what: what() })}</strong>
      <ul class="required-inputs-list">
        <For each={props.missing}>{(missing) => <li data-input={missing.input} data-problem={missing.problem}>{t(`assigned:${problemKey(missing)}`, { detail: missing.detail ?? '' })}</li>}</For>
      </ul>
      <p class="muted small">{props.when === 'start' ? t('assigned:inputs.keptAssignment') : t('assigned:inputs.held')}</p>
      <div class="row">
        <button type="button" class="button button-small button-primary" disabled={props.checking} onClick={() => props.onRetry()}>
          {t('assigned:inputs.tryAgain')}
        </button>
        <Show when={props.checking}>
          <span class="muted small" role="status">
            {t('assigned:inputs.checking')}
          </span>
        </Show>
      </div>
    </div>
  );
}

export interface RequiredInputs {
  required: Accessor<RequiredInput[]>;
  missing: Accessor<MissingInput[]>;
  /** A required input is missing: answering and the timer hold. */
  holding: Accessor<boolean>;
  checking: Accessor<boolean>;
  retry(): Promise<void>;
  typingAllowed(voice: VoiceStatus): boolean;
}

export function useRequiredInputs(options: {
  assignment: Resource<AssignmentRecord | null>;
  camera: Accessor<CameraState>;
  startCamera: () => Promise<unknown>;
  stopCamera: () => Promise<unknown>;
}): RequiredInputs {
  const template = () => options.assignment()?.template ?? null;
  const required = () => {
    const found = template();
    return found ? requiredInputsOf(found) : [];
  };
  const [cameraTried, setCameraTried] = createSignal(false);
  const [cameraLost, setCameraLost] = createSignal(false);
  const [cameraProblem, setCameraProblem] = createSignal<MissingInput | null>(null);
  const [microphone, setMicrophone] = createSignal<MissingInput | null>(null);
  const [checking, setChecking] = createSignal(false);
  let watch: MicrophoneWatch | null = null;
  onCleanup(() => watch?.close());

  async function openMicrophone() {
    watch?.close();
    watch = null;
    try {
      watch = await watchMicrophone(() => setMicrophone({ input: 'microphone', problem: 'stopped' }));
      setMicrophone(null);
    } catch (error) {
      setMicrophone({ input: 'microphone', ...problemOfMediaError(error) });
    }
  }

  // A required camera is started with the interview, whatever the candidate's remembered choice.
  createEffect(
    on(template, (found) => {
      if (!found) return;
      if (found.cameraRequired && !cameraTried()) {
        setCameraTried(true);
        if (options.camera().status === 'off') void options.startCamera();
      }
      if (found.voiceRequired && !watch) void openMicrophone();
    }),
  );
  // The live camera track ending (unplugged, revoked) is noticed, not silently carried on from.
  createEffect(() => {
    const state = options.camera();
    if (state.status !== 'on' || !template()?.cameraRequired) return;
    setCameraLost(false);
    setCameraProblem(null);
    onCleanup(watchVideoTracks(state.stream, () => setCameraLost(true)));
  });
  // When the camera could not start, find out why, so the message says what to do.
  createEffect(
    on(
      () => options.camera().status,
      (status) => {
        if (status !== 'failed' || !template()?.cameraRequired || checking()) return;
        void checkRequiredInputs(['camera']).then((missing) => setCameraProblem(missing[0] ?? { input: 'camera', problem: 'other', detail: failedMessage(options.camera()) }));
      },
    ),
  );

  const missing = () =>
    missingInputs(template(), { camera: options.camera().status, cameraTried: cameraTried(), cameraLost: cameraLost(), cameraProblem: cameraProblem(), microphone: microphone() });

  async function retry() {
    const found = template();
    if (!found || checking()) return;
    setChecking(true);
    try {
      const problems = await checkRequiredInputs(requiredInputsOf(found));
      const cameraNow = problems.find((problem) => problem.input === 'camera') ?? null;
      if (found.cameraRequired) {
        setCameraProblem(cameraNow);
        if (!cameraNow) {
          if (options.camera().status === 'on') await options.stopCamera();
          setCameraLost(false);
          await options.startCamera();
        }
      }
      if (found.voiceRequired) {
        const microphoneNow = problems.find((problem) => problem.input === 'microphone') ?? null;
        if (microphoneNow) setMicrophone(microphoneNow);
        else await openMicrophone();
      }
    } finally {
      setChecking(false);
    }
  }

  return {
    required,
    missing,
    holding: () => missing().length > 0,
    checking,
    retry,
    typingAllowed: (voice) => typingAllowed(template(), voice),
  };
}

const failedMessage = (state: CameraState): string => (state.status === 'failed' ? state.message : '');
