import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMessages, reportEvents, uploadSnapshot, type EventsAck, type MyExam, type ProctorMessage, type ViolationKind } from './api.ts';

export type CameraState = 'off' | 'asking' | 'on' | 'denied' | 'absent';
type Policy = MyExam['proctoring'];

const MAX_SNAPSHOT_BYTES = 500 * 1024;

/**
 * The candidate's side of proctoring: what the exam's policy asks for, reported to the server with
 * the moment it happened. Copy, paste and the context menu are blocked and reported; focus loss,
 * tab switches and leaving full screen are reported; camera frames go up every N seconds when the
 * policy asks and the browser allows (without a camera the exam goes on, and says so).
 */
export function useProctoring(opts: { attemptId: number; policy: Policy; active: boolean; onAutoSubmitted: () => void }) {
  const { attemptId, policy, active } = opts;
  const [ack, setAck] = useState<EventsAck | null>(null);
  const [messages, setMessages] = useState<ProctorMessage[]>([]);
  const [camera, setCamera] = useState<CameraState>('off');
  const [isFullscreen, setIsFullscreen] = useState(() => !!document.fullscreenElement);
  const queue = useRef<{ kind: ViolationKind; clientAt: string }[]>([]);
  const onAuto = useRef(opts.onAutoSubmitted);
  onAuto.current = opts.onAutoSubmitted;
  const fullscreenSupported = typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled;
  const needsFullscreen = policy.fullscreenRequired && fullscreenSupported;

  const report = useCallback((kind: ViolationKind) => {
    queue.current.push({ kind, clientAt: new Date().toISOString() });
  }, []);

  // events: listen, block, batch up every two seconds (kept while offline)
  useEffect(() => {
    if (!active) return;
    const onVisibility = () => document.visibilityState === 'hidden' && report('tab-switch');
    const onBlur = () => report('focus-loss');
    const onFullscreen = () => {
      const inside = !!document.fullscreenElement;
      setIsFullscreen(inside);
      if (!inside && needsFullscreen) report('fullscreen-exit');
    };
    const block = (kind: ViolationKind) => (e: Event) => {
      e.preventDefault();
      report(kind);
    };
    const onCopy = block('copy-attempt');
    const onPaste = block('paste-attempt');
    const onMenu = block('context-menu');
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', onBlur);
    document.addEventListener('fullscreenchange', onFullscreen);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    document.addEventListener('contextmenu', onMenu);
    const send = window.setInterval(() => {
      if (queue.current.length === 0 || !navigator.onLine) return;
      const batch = queue.current.splice(0, 100);
      reportEvents(attemptId, batch)
        .then((a) => {
          setAck(a);
          if (a.autoSubmitted) onAuto.current();
        })
        .catch(() => queue.current.unshift(...batch));
    }, 2_000);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('fullscreenchange', onFullscreen);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('contextmenu', onMenu);
      window.clearInterval(send);
    };
  }, [active, attemptId, needsFullscreen, report]);

  // proctor messages: poll
  useEffect(() => {
    if (!active) return;
    let after = 0;
    const poll = () =>
      navigator.onLine &&
      fetchMessages(attemptId, after)
        .then((items) => {
          if (items.length === 0) return;
          after = Math.max(after, ...items.map((m) => m.id));
          setMessages((m) => [...m, ...items]);
        })
        .catch(() => undefined);
    void poll();
    const id = window.setInterval(poll, 10_000);
    return () => window.clearInterval(id);
  }, [active, attemptId]);

  // camera snapshots
  useEffect(() => {
    const every = policy.snapshotIntervalSec;
    if (!active || !every) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('absent');
      return;
    }
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    setCamera('asking');
    navigator.mediaDevices
      .getUserMedia({ video: { width: 320, height: 240, facingMode: 'user' }, audio: false })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        video.srcObject = s;
        await video.play().catch(() => undefined);
        setCamera('on');
        const shoot = () => void captureFrame(video).then((blob) => blob && uploadSnapshot(attemptId, blob)).catch(() => undefined);
        timer = window.setInterval(shoot, every * 1000);
        window.setTimeout(shoot, 1_500);
      })
      .catch((e: Error) => setCamera(e.name === 'NotAllowedError' ? 'denied' : 'absent'));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [active, attemptId, policy.snapshotIntervalSec]);

  const enterFullscreen = useCallback(() => {
    if (!fullscreenSupported) return;
    void document.documentElement.requestFullscreen().catch(() => undefined);
  }, [fullscreenSupported]);

  return { ack, messages, camera, needsFullscreen, isFullscreen, enterFullscreen };
}

/** One frame as a JPEG under 500 KB (quality steps down until it fits). */
async function captureFrame(video: HTMLVideoElement): Promise<Blob | null> {
  if (!video.videoWidth) return null;
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, 640 / video.videoWidth);
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.7, 0.5, 0.3]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= MAX_SNAPSHOT_BYTES) return blob;
  }
  return null;
}
