/** Filler appended when a schema asks for a longer string than the chosen words. */
export const FILLER_SENTENCE = 'Built for teams who would rather talk to customers than wrestle with tools.';
