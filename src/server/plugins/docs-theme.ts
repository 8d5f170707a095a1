import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

// How /docs looks: mcc's name, mark and colours on Swagger UI, which otherwise shows its own. The mark is
// the app's (src/web/public/favicon.svg); the colours are its accent and a deep shade of it
// (src/web/app/styles/tokens.css).

const ACCENT = '#4f46e5';
const DEEP = '#1e1b4b';
const TITLE = 'Marketing Command Center API';

const MARK = `<rect width="24" height="24" rx="6" fill="${ACCENT}"/><path d="M6 16V8l6 5 6-5v8" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/** The browser tab's icon: the app's mark. */
export const DOCS_FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><title>Marketing Command Center</title>${MARK}</svg>`;

/** The top bar's logo: the mark and the product's name, light on the deep top bar. */
export const DOCS_LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 24" width="300" height="24"><title>${TITLE}</title>${MARK}<text x="34" y="17" fill="#fff" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="15" font-weight="600">${TITLE}</text></svg>`;

/** The app's colours on Swagger UI's top bar, buttons and links. */
export const DOCS_CSS = `
.swagger-ui .topbar { background-color: ${DEEP}; }
.swagger-ui .topbar .download-url-wrapper input[type="text"] { border-color: ${ACCENT}; }
.swagger-ui .topbar .download-url-wrapper .download-url-button { background: ${ACCENT}; }
.swagger-ui .info a, .swagger-ui .info .link { color: ${ACCENT}; }
.swagger-ui .btn.authorize { border-color: ${ACCENT}; color: ${ACCENT}; }
.swagger-ui .btn.authorize svg { fill: ${ACCENT}; }
.swagger-ui .btn.execute { background-color: ${ACCENT}; border-color: ${ACCENT}; }
`;

/** `@fastify/swagger-ui`'s `theme` and `logo` options. */
export const docsTheme: Pick<FastifySwaggerUiOptions, 'theme' | 'logo'> = {
  theme: {
    title: TITLE,
    css: [{ filename: 'mcc.css', content: DOCS_CSS }],
    favicon: [
      {
        filename: 'favicon.svg',
        rel: 'icon',
        sizes: 'any',
        type: 'image/svg+xml',
        content: Buffer.from(DOCS_FAVICON),
      },
    ],
  },
  logo: { type: 'image/svg+xml', content: Buffer.from(DOCS_LOGO), href: '/', target: '_self' },
};
