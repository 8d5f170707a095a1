import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { formatDate } from '#web/lib/format-date.js';
import { useMembers } from '../api/get-members.js';
import { ROLE_LABELS } from './role-labels.js';
import './workspace-summary.css';

/** The workspace at a glance: its profile, its team and my role, each linking to where it is edited. */
export function WorkspaceSummary({ business }: { business: Business }) {
  const members = useMembers(business.id);
  const settings = `/w/${business.id}/settings`;
  const missingProfile = !business.description || !business.website || !business.industry;

  return (
    <div className="summary-grid">
      <Card
        title="Business profile"
        actions={can(business.role, 'business.update') ? <Link to={settings}>Edit</Link> : undefined}
      >
        <dl className="summary-list">
          <dt>Industry</dt>
          <dd>{business.industry ?? <span className="muted">Not set</span>}</dd>
          <dt>Website</dt>
          <dd>
            {business.website ? (
              <a href={business.website} rel="noopener noreferrer" target="_blank">
                {business.website.replace(/^https?:\/\//, '')}
              </a>
            ) : (
              <span className="muted">Not set</span>
            )}
          </dd>
          <dt>Time zone</dt>
          <dd>{business.time_zone.replaceAll('_', ' ')}</dd>
          <dt>Language</dt>
          <dd>{business.locale}</dd>
          <dt>Created</dt>
          <dd>{formatDate(business.created_at)}</dd>
        </dl>
        {missingProfile && can(business.role, 'business.update') && (
          <p className="summary-tip">
            A complete profile (industry, description, website) gives the AI what it needs to plan well.{' '}
            <Link to={settings}>Complete it</Link>
          </p>
        )}
      </Card>
      <Card title="Team" actions={<Link to={`${settings}/members`}>Manage</Link>}>
        {members.isPending ? (
          <Spinner label="Loading members" />
        ) : (
          <ul className="summary-team">
            {(members.data ?? []).slice(0, 6).map((member) => (
              <li key={member.user_id}>
                <span>{member.name}</span>
                <Badge>{ROLE_LABELS[member.role].label}</Badge>
              </li>
            ))}
          </ul>
        )}
        {members.data && members.data.length > 6 && (
          <p className="muted">and {members.data.length - 6} more</p>
        )}
      </Card>
      <Card title="Your role">
        <p className="summary-role">
          <Badge tone="accent">{ROLE_LABELS[business.role].label}</Badge>
        </p>
        <p className="muted">{ROLE_LABELS[business.role].description}.</p>
      </Card>
    </div>
  );
}
