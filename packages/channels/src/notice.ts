import type { DigestContent } from './digest';
import type { NotificationContent } from './discord-message';

/** One match as every channel shows it; the job's text and the model's words are untrusted. */
export type MatchContent = NotificationContent;

/** What a channel sends: a match, a digest of held matches, or the "send test message" of the channels API. */
export type Notice = { type: 'match'; match: MatchContent } | { type: 'digest'; digest: DigestContent } | { type: 'test' };

export const TEST_MESSAGE = 'This is a test message from JobPing: this channel works. Matches will arrive here.';
