import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '#shared/roles.js';
import { Button } from '#web/components/ui/button.js';
import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { CalendarView } from '#web/features/content/components/calendar/calendar-view.js';
import { ShareCalendarDialog } from '#web/features/content/components/sharing/share-calendar-dialog.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';
import { lazyPage } from '../lazy-page.js';

// The generator's form is most of this page's code and is seldom opened: it loads when it is first asked
// for (then stays mounted, so a closed dialog keeps following its job).
const GenerateCalendarDialog = lazyPage(
  () => import('#web/features/content/components/generate/generate-calendar-dialog.js'),
  'GenerateCalendarDialog',
);

export function CalendarPage() {
  const { t } = useTranslation('content');
  const business = useWorkspace();
  const options = useCampaignChoices(business.id);
  // `?generate=1` opens the dialog, so the dashboard's "first calendar" link lands right in it.
  const [params, setParams] = useSearchParams();
  const [sharing, setSharing] = useState(false);
  const generating = params.get('generate') === '1';
  const [generatorMounted, setGeneratorMounted] = useState(generating);
  if (generating && !generatorMounted) setGeneratorMounted(true);
  const canGenerate = can(business.role, 'ai.use') && can(business.role, 'content.write');
  const setDialog = (open: boolean, date?: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set('generate', '1');
        else next.delete('generate');
        if (date) next.set('date', date);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageTitle title={t('pages.calendar.documentTitle', { workspace: business.name })} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>{t('pages.calendar.title')}</h1>
          <p className="muted">{t('pages.calendar.intro')}</p>
        </div>
        <div className="row">
          {canGenerate && (
            <Button variant="primary" onClick={() => setDialog(true)}>
              {t('pages.calendar.generate')}
            </Button>
          )}
          <Button onClick={() => setSharing(true)}>{t('pages.calendar.share')}</Button>
          {can(business.role, 'content.write') && (
            <Link to="../compose" relative="path" className="button button--secondary button--md">
              {t('pages.calendar.newPost')}
            </Link>
          )}
          {can(business.role, 'content.write') && (
            <Link to="../studio" relative="path" className="button button--secondary button--md">
              {t('pages.calendar.studio')}
            </Link>
          )}
        </div>
      </div>
      <CalendarView business={business} campaigns={options} />
      <ShareCalendarDialog business={business} open={sharing} onClose={() => setSharing(false)} />
      {canGenerate && generatorMounted && (
        <Suspense fallback={null}>
          <GenerateCalendarDialog
            business={business}
            campaigns={options}
            open={generating}
            onClose={() => setDialog(false)}
            onShow={(date) => setDialog(false, date)}
          />
        </Suspense>
      )}
    </>
  );
}
