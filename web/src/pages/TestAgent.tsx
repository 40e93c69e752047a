/** "Test your agent": the chat tester, and a browser voice call into the same session the phone uses. */
import { useEffect, useRef, useState } from 'react';
import { ChatBox } from '../parts/chat.js';
import { post } from '../api.js';
import { Link } from '../router.js';
import { PageHead } from '../ui.js';
import { useApi } from '../queries.js';
import type { Answer } from '../api.js';
import type { CallPhase, TestCall } from '../parts/voice-call.js';

/** What `GET /api/test-call/capabilities` answers. */
type Capabilities = Answer<'/api/test-call/capabilities'>;

/** The page. */
export default function TestAgent() {
  return (
    <>
      <PageHead title="Test your agent" />
      <ChatBox />
      <VoiceCallBox />
    </>
  );
}

/** "Call my agent": microphone in, agent audio out, over `WS /api/test-call`. */
function VoiceCallBox() {
  const caps = useApi<Capabilities>('/api/test-call/capabilities');
  const [phase, setPhase] = useState<CallPhase | 'idle'>('idle');
  const [callId, setCallId] = useState<string | null>(null);
  const [speaking, setSpeaking] = useState(false);
  const [muted, setMuted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const call = useRef<TestCall | null>(null);
  useEffect(() => () => call.current?.hangup(), []);

  const supported = typeof window.AudioWorkletNode === 'function' && !!navigator.mediaDevices?.getUserMedia;
  const realSpeech = caps.data && (!caps.data.scriptedSpeech || caps.data.engine === 'realtime');

  const dial = async () => {
    setError(null);
    setCallId(null);
    setMuted(false);
    setPhase('connecting');
    try {
      const { startTestCall } = await import('../parts/voice-call.js');
      const ticket = async () => (await post<{ ticket: string }>('/api/tickets', { for: 'test-call' })).ticket;
      call.current = await startTestCall(ticket, {
        phase: (p, reason) => {
          setPhase(p);
          if (reason) setError(`The call ended: ${reason}`);
        },
        callId: setCallId,
        agentSpeaking: setSpeaking,
      });
    } catch (e) {
      setPhase('idle');
      const name = (e as DOMException).name;
      setError(
        name === 'NotAllowedError'
          ? 'Microphone access was refused. Allow it in the browser’s address bar and try again.'
          : name === 'NotFoundError'
            ? 'No microphone was found on this device.'
            : (e as Error).message,
      );
    }
  };
  const hangup = () => {
    call.current?.hangup();
    call.current = null;
  };
  const toggleMute = () => {
    call.current?.mute(!muted);
    setMuted(!muted);
  };

  return (
    <section className="card" aria-labelledby="voice-test-title">
      <h2 id="voice-test-title">Call your agent from this browser</h2>
      <p>
        Talk with your receptionist through your microphone, exactly as a caller on the phone would. The call is saved
        under Calls.
      </p>
      {caps.data && !realSpeech && (
        <p className="notice" role="note" data-testid="no-speech-provider">
          No speech-recognition provider is configured, so the agent cannot understand a real microphone here (it runs
          on the scripted stand-in; see the README). You will hear its greeting in the{' '}
          {caps.data.tts === 'flite.tts' ? 'offline' : 'configured'} voice. To hold a conversation, add a Deepgram key
          (or a local speech model), or switch the agent to the OpenAI Realtime engine under Agent &amp; voice;
          meanwhile the chat test above reaches the same agent.
        </p>
      )}
      {!supported && (
        <p className="notice error" role="alert">
          This browser cannot stream a microphone (it needs a secure connection and Web Audio).
        </p>
      )}
      <div className="row wrap">
        {phase === 'idle' || phase === 'ended' ? (
          <button className="primary" onClick={() => void dial()} disabled={!supported || !caps.data}>
            Call my agent
          </button>
        ) : (
          <>
            <button className="primary" onClick={hangup}>
              Hang up
            </button>
            <button onClick={toggleMute} aria-pressed={muted} disabled={phase !== 'live'}>
              {muted ? 'Unmute' : 'Mute'}
            </button>
          </>
        )}
        <span role="status" aria-live="polite" data-testid="voice-call-status">
          {phase === 'connecting'
            ? 'Connecting…'
            : phase === 'live'
              ? speaking
                ? 'Agent speaking…'
                : 'Listening…'
              : phase === 'ended'
                ? 'Call ended.'
                : ''}
        </span>
      </div>
      {callId && phase === 'ended' && (
        <p>
          <Link to={`/calls/${callId}`}>Open its call record</Link>
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
