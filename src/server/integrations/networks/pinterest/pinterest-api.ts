import { type JsonApi, textField } from '../json-http.js';

export const PINTEREST = 'Pinterest';

/** Pinterest answers errors as `{ code, message }`; the message is what people see. */
export const PINTEREST_API: JsonApi = { name: PINTEREST, reason: (body) => textField(body, 'message') };
