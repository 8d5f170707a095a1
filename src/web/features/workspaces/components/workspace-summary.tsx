import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { formatDate } from '#web/lib/format-date.js';
import { useMembers } from '../api/get-members.js';
import './workspace-summary.css';

/** The workspace at a glance: its profile, its team and my role, each linking to where it is edited. */
export function WorkspaceSummary({ business }: { business: Business }) {
  const members = useMembers(business.id);
  const { t } = useTranslation('workspaces');
  const settings = `/w/${business.id}/settings`;
  const missingProfile = !business.description || !business.website || !business.industry;

  return (
    <div className="summary-grid">
      <Card
        title={t('summary.profile')}
        actions={
          can(business.role, 'business.update') ? <Link to={settings}>{t('summary.edit')}</Link> : undefined
        }
      >
        <dl className="summary-list">
          <dt>{t('summary.industry')}</dt>
          <dd>{business.industry ?? <span className="muted">{t('summary.notSet')}</span>}</dd>
          <dt>{t('summary.website')}</dt>
          <dd>
            {business.website ? (
              <a href={business.website} rel="noopener noreferrer" target="_blank">
                {business.website.replace(/^https?:\/\//, '')}
              </a>
            ) : (
              <span className="muted">{t('summary.notSet')}</span>
            )}
          </dd>
          <dt>{t('summary.timeZone')}</dt>
          <dd>{business.time_zone.replaceAll('_', ' ')}</dd>
          <dt>{t('summary.language')}</dt>
          <dd>{business.locale}</dd>
          <dt>{t('summary.created')}</dt>
          <dd>{formatDate(business.created_at)}</dd>
        </dl>
        {missingProfile && can(business.role, 'business.update') && (
          <p className="summary-tip">
            <Trans t={t} i18nKey="summary.tip" components={{ complete: <Link to={settings} /> }} />
          </p>
        )}
      </Card>
      <Card title={t('summary.team')} actions={<Link to={`${settings}/members`}>{t('summary.manage')}</Link>}>
        {members.isPending ? (
          <Spinner label={t('summary.loadingMembers')} />
        ) : (
          <ul className="summary-team">
            {(members.data ?? []).slice(0, 6).map((member) => (
              <li key={member.user_id}>
                <span>{member.name}</span>
                <Badge>{t(`roles.${member.role}.label`)}</Badge>
              </li>
            ))}
          </ul>
        )}
        {members.data && members.data.length > 6 && (
          <p className="muted">{t('summary.more', { count: members.data.length - 6 })}</p>
        )}
      </Card>
      <Card title={t('summary.yourRole')}>
        <p className="summary-role">
          <Badge tone="accent">{t(`roles.${business.role}.label`)}</Badge>
        </p>
        <p className="muted">{t(`roles.${business.role}.description`)}.</p>
      </Card>
    </div>
  );
}
