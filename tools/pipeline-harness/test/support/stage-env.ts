// What the end-to-end tests give every worker they spawn, and the answer their loopback
// OpenAI-compatible servers send: one copy for the three e2e suites.

/** The environment of a stage worker under test: its own database and stream prefix, short timings, ops on a free port. */
export function stageTestEnv({ databaseUrl, redisUrl, prefix }: { databaseUrl: string; redisUrl: string; prefix: string }): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redisUrl,
    STREAM_KEY_PREFIX: prefix,
    OPS_PORT: '0',
    STREAM_BLOCK_MS: '500',
    STREAM_VISIBILITY_TIMEOUT_MS: '3000',
    STREAM_RETRY_BASE_MS: '200',
    STREAM_RETRY_MAX_MS: '2000',
    SHUTDOWN_TIMEOUT_MS: '5000',
  };
}

/** The matcher scoring through an OpenAI-compatible server at `baseUrl` (no retries). */
export function openAiTestEnv(baseUrl: string): Record<string, string> {
  return { LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: `${baseUrl}/v1`, OPENAI_MAX_RETRIES: '0' };
}

/** A chat-completions response body whose message is `answer` as JSON, shaped as OpenAI sends it. */
export function chatCompletion(id: string, answer: unknown): Record<string, unknown> {
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(answer), refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 },
  };
}
