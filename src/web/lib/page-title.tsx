const APP_NAME = 'Marketing Command Center';

/** Sets the document title; React 19 hoists `<title>` into the head wherever it is rendered. */
export function PageTitle({ title }: { title: string }) {
  return <title>{`${title} · ${APP_NAME}`}</title>;
}
