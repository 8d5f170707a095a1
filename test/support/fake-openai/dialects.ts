import { type OpenAIErrorDetails, openAIErrorBody } from './openai-error.js';

/**
 * The OpenAI-compatible servers the fake can pretend to be, as each one's documentation describes its
 * `/v1/chat/completions` (read for this fake; no real server was run):
 *
 * - `openai`: the reference. A bearer key is required; strict schemas are checked; JSON mode needs the word
 *   "json" in the prompt.
 * - `ollama`: `http://localhost:11434/v1`; the key is "required but ignored"; the model must have been
 *   pulled (else 404 "model … not found, try pulling it first"); `response_format` with `json_schema`
 *   constrains the answer; `max_tokens` is listed among the supported fields, `max_completion_tokens` is not,
 *   so the fake ignores the latter.
 * - `llama.cpp`: `llama-server`, by default on port 8080; one model is loaded and answers whatever name is
 *   asked for; `response_format` takes `{"type": "json_object", "schema": …}` (its own form) or OpenAI's
 *   `{"type": "json_schema", "json_schema": {"schema": …}}`; errors carry a numeric `code`.
 * - `lm-studio`: `http://localhost:1234/v1`; no key; the model must be loaded; structured output is OpenAI's
 *   `json_schema` form only (`json_object` is not offered).
 * - `no-structured-output`: a server that accepts `response_format` and ignores it, answering prose (as
 *   servers without grammar support do): what "Test connection" must report as not following schemas.
 *
 * Error wording the documentation does not show (LM Studio's unknown model) is the fake's own.
 */
export type FakeDialect = 'openai' | 'ollama' | 'llama.cpp' | 'lm-studio' | 'no-structured-output';

/** How a dialect differs from OpenAI in what the fake checks and answers. */
export interface DialectRules {
  /** Without an `apiKey` option: refuse requests without any bearer key (OpenAI), or take them all. */
  requiresBearer: boolean;
  /** Only the listed models answer; others get the dialect's 404. */
  checksModel: boolean;
  /** The loaded model answers under its own name, whatever was asked (llama.cpp). */
  answersAsLoadedModel: boolean;
  /** OpenAI's own request rules: strict-schema checks, "json" in the prompt for JSON mode. */
  openAIRules: boolean;
  honoursMaxCompletionTokens: boolean;
  /** `response_format: {"type": "json_object", "schema": …}` constrains the answer like `json_schema`. */
  readsTopLevelSchema: boolean;
  refusesJsonObject: boolean;
  /** Answers prose whatever `response_format` asks for. */
  ignoresResponseFormat: boolean;
  errorBody(status: number, details?: OpenAIErrorDetails): unknown;
  modelNotFound(model: string): OpenAIErrorDetails;
}

const openai: DialectRules = {
  requiresBearer: true,
  checksModel: false,
  answersAsLoadedModel: false,
  openAIRules: true,
  honoursMaxCompletionTokens: true,
  readsTopLevelSchema: false,
  refusesJsonObject: false,
  ignoresResponseFormat: false,
  errorBody: openAIErrorBody,
  modelNotFound: (model) => ({
    message: `The model '${model}' does not exist`,
    param: 'model',
    code: 'model_not_found',
  }),
};

const local = { ...openai, requiresBearer: false, checksModel: true, openAIRules: false };

export const DIALECTS: Record<FakeDialect, DialectRules> = {
  openai,
  ollama: {
    ...local,
    honoursMaxCompletionTokens: false,
    errorBody: (status, details) => ({
      error: {
        message: openAIErrorBody(status, details).error.message,
        type: 'api_error',
        param: null,
        code: null,
      },
    }),
    modelNotFound: (model) => ({ message: `model "${model}" not found, try pulling it first` }),
  },
  'llama.cpp': {
    ...local,
    checksModel: false,
    answersAsLoadedModel: true,
    readsTopLevelSchema: true,
    errorBody: (status, details) => {
      const { message, type } = openAIErrorBody(status, details).error;
      return { error: { code: status, message, type: status === 401 ? 'authentication_error' : type } };
    },
  },
  'lm-studio': {
    ...local,
    refusesJsonObject: true,
    modelNotFound: (model) => ({ message: `Model "${model}" is not loaded.`, code: 'model_not_found' }),
  },
  'no-structured-output': { ...local, checksModel: false, ignoresResponseFormat: true },
};
