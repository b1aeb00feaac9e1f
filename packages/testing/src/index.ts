// Test and benchmark support. A devDependency only: nothing here may reach an app's image.
export { FakeDiscord, json, type DiscordRequest, type Responder, type ScriptedAnswer } from './fake-discord';
export { listenOnLoopback, sendHtml, sendJson, startLoopback, type Handler, type LoopbackServer, type SeenRequest } from './loopback';
export { deleteKeys, testRedisUrl, uniqueKeyPrefix, type RawRedis } from './redis-keys';
export { waitFor } from './wait';
export { intArg, printFigureLines, printFigures, round, type Figure } from './bench-kit';
export { FakeSlack, FakeTelegram, FakeWebhookReceiver, type FakeAnswer, type ReceivedPost } from './fake-chat-apis';
export { SmtpCatcher, type CaughtMail } from './smtp-catcher';
