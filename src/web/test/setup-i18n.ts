import { testI18n } from './i18n.js';

// Components render in English unless a test provides another language: the existing tests read English.
testI18n('en', { global: true });
