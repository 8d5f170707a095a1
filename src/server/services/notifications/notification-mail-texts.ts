import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import type { Language } from '#shared/languages.js';
import {
  NOTIFICATION_KIND_INFO,
  type NotificationFacts,
  type NotificationKind,
} from '#shared/notifications.schema.js';
import { asSentence } from './notification-texts.js';

/** What a notification email says around its title and body. */
export interface NotificationMailTexts {
  /**
   * The title and body said from the notification's facts, or undefined where this language cannot say
   * them (English: its words are the ones stored on the row): that email is then written in English,
   * frame and all, rather than half in one language. Times are on the workspace's clock.
   */
  words(facts: NotificationFacts, clock: { timeZone: string }): { title: string; body: string } | undefined;
  /** The button: where to act. */
  action: Record<NotificationKind, string>;
  /** Each kind's name, as Settings → Notifications shows it. */
  kind: Record<NotificationKind, string>;
  /** Why this email came, and where to choose. */
  footer(kind: string, workspace: string): string;
  unsubscribe(kind: string, workspace: string): string;
}

const english: NotificationMailTexts = {
  words: () => undefined,
  action: {
    review_requested: 'Review the post',
    content_sent_back: 'Open the post',
    content_approved: 'Open the post',
    publish_failed: 'Open the post',
    inbox_attention: 'Open the conversation',
    ai_budget: 'Open the AI settings',
    job_died: 'Open the job',
    weekly_digest: 'Open the calendar',
    comment_mention: 'Open the comment',
  },
  kind: Object.fromEntries(
    Object.entries(NOTIFICATION_KIND_INFO).map(([kind, info]) => [kind, info.label]),
  ) as Record<NotificationKind, string>,
  footer: (kind, workspace) =>
    `You get this email about “${kind}” in the workspace “${workspace}”. Choose which notifications come by email in the workspace's Settings → Notifications.`,
  unsubscribe: (kind, workspace) => `Stop emails about “${kind}” from ${workspace}`,
};

/** «\u00a0text\u00a0»: French quotes keep their no-break spaces. */
const quoted = (text: string) => `«\u00a0${text}\u00a0»`;

const french: NotificationMailTexts = {
  // The same sentences as the bell's (src/web/locales/fr/notifications.json, `facts`).
  words(facts, clock) {
    const actor = 'actor' in facts ? (facts.actor ?? 'Quelqu’un') : '';
    switch (facts.kind) {
      case 'review_requested':
        return {
          title: `${actor} demande une relecture de ${quoted(facts.item)}`,
          body: `Une publication pour ${frenchChannel(facts.channel)} attend d’être approuvée.`,
        };
      case 'content_sent_back':
        return {
          title: `${actor} a renvoyé ${quoted(facts.item)}`,
          body: facts.comment
            ? quoted(facts.comment)
            : 'La publication doit être modifiée avant de pouvoir être approuvée.',
        };
      case 'content_approved':
        return {
          title: `${actor} a approuvé ${quoted(facts.item)}`,
          body: 'La publication peut maintenant être programmée.',
        };
      case 'publish_failed':
        // The reason stays as the server or the network wrote it.
        return {
          title: `Échec de la publication de ${quoted(facts.item)}`,
          body: `${asSentence(facts.reason)} Programmez-la de nouveau, ou remettez-la en brouillon.`,
        };
      case 'inbox_attention': {
        const title =
          facts.urgent && facts.negative
            ? 'Message urgent et négatif de'
            : facts.urgent
              ? 'Message urgent de'
              : facts.negative
                ? 'Message négatif de'
                : 'Message de';
        return { title: `${title} ${facts.customer}`, body: quoted(facts.excerpt) };
      }
      case 'comment_mention':
        return {
          title: `${actor} vous a mentionné dans un commentaire sur ${quoted(facts.item)}`,
          body: quoted(facts.excerpt),
        };
      case 'job_died':
        return {
          title: `Une tâche en arrière-plan a définitivement échoué\u00a0: ${facts.job_name}`,
          body: `${asSentence(facts.error)} Relancez-la depuis la page des tâches une fois la cause corrigée.`,
        };
      case 'ai_budget': {
        const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'USD' });
        const spent = `${money.format(facts.spent_micro_usd / 1_000_000)} sur ${money.format(facts.limit_micro_usd / 1_000_000)} ce mois-ci.`;
        return facts.threshold >= 100
          ? {
              title: 'Le budget IA mensuel est épuisé',
              body: `${spent} Les fonctions d’IA sont suspendues jusqu’à ce que le budget soit relevé ou que le mois se termine.`,
            }
          : {
              title: `Le budget IA mensuel est consommé à ${percent(facts.threshold)}`,
              body: `${spent} Les fonctions d’IA s’arrêtent à ${percent(100)}\u00a0; un propriétaire ou un administrateur peut relever le budget.`,
            };
      }
      case 'weekly_digest':
        return frenchDigest(facts, clock.timeZone);
    }
  },
  action: {
    review_requested: 'Relire la publication',
    content_sent_back: 'Ouvrir la publication',
    content_approved: 'Ouvrir la publication',
    publish_failed: 'Ouvrir la publication',
    inbox_attention: 'Ouvrir la conversation',
    ai_budget: 'Ouvrir les réglages de l’IA',
    job_died: 'Ouvrir la tâche',
    weekly_digest: 'Ouvrir le calendrier',
    comment_mention: 'Ouvrir le commentaire',
  },
  // As Settings → Notifications names them (src/web/locales/fr/notifications.json, `kinds`).
  kind: {
    review_requested: 'Relecture demandée',
    content_sent_back: 'Renvoyée',
    content_approved: 'Approuvée',
    publish_failed: 'Échec de publication',
    inbox_attention: 'Message urgent ou négatif',
    ai_budget: 'Budget IA',
    job_died: 'Tâche définitivement en échec',
    weekly_digest: 'Résumé de la semaine',
    comment_mention: 'Mention dans un commentaire',
  },
  footer: (kind, workspace) =>
    `Vous recevez cet e-mail pour ${quoted(kind)} dans l’espace de travail ${quoted(workspace)}. Choisissez les notifications envoyées par e-mail dans Paramètres → Notifications de l’espace de travail.`,
  unsubscribe: (kind, workspace) => `Ne plus recevoir d’e-mails ${quoted(kind)} de ${workspace}`,
};

/**
 * Notification emails in each language the app speaks; a `Record` over every language, so a new one fails
 * the type check until its words are here.
 */
export const NOTIFICATION_MAIL_TEXTS: Record<Language, NotificationMailTexts> = { en: english, fr: french };

type DigestFacts = Extract<NotificationFacts, { kind: 'weekly_digest' }>;

const FRENCH_METRICS: Record<string, string> = {
  impressions: 'impressions',
  reach: 'portée',
  engagements: 'interactions',
  clicks: 'clics',
  conversions: 'conversions',
  spend: 'dépenses',
};

const FRENCH_KPI_STATUS: Record<DigestFacts['campaigns'][number]['kpis'][number]['status'], string> = {
  not_started: 'pas commencé',
  met: 'atteint',
  on_track: 'en bonne voie',
  at_risk: 'à risque',
  behind: 'en retard',
  no_forecast: 'sans prévision',
};

/** The week ahead, last week's results and each campaign against its forecast, one line each. */
function frenchDigest(facts: DigestFacts, timeZone: string): { title: string; body: string } {
  const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  const several = (count: number) => new Intl.PluralRules('fr').select(count) !== 'one';
  const when = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const count = facts.upcoming_count;
  const lines: string[] = [];
  if (count === 0) {
    lines.push('Rien n’est encore programmé pour cette semaine.');
  } else {
    lines.push(
      `${number.format(count)} ${several(count) ? 'publications partent' : 'publication part'} cette semaine\u00a0:`,
    );
    for (const item of facts.upcoming) {
      const at = item.scheduled_at ? when.format(new Date(item.scheduled_at)) : 'non programmée';
      lines.push(`• ${at} · ${frenchChannel(item.channel)} · ${item.label}`);
    }
    const more = count - facts.upcoming.length;
    if (more > 0) lines.push(`…et ${number.format(more)} ${several(more) ? 'autres' : 'autre'}.`);
  }
  const { impressions, engagements, clicks, conversions } = facts.last_week;
  lines.push(
    impressions + engagements + clicks + conversions === 0
      ? 'Aucun résultat n’a été enregistré la semaine dernière.'
      : `La semaine dernière\u00a0: ${number.format(impressions)} impressions, ${number.format(engagements)} interactions, ${number.format(clicks)} clics, ${number.format(conversions)} conversions.`,
  );
  for (const campaign of facts.campaigns) {
    const results = campaign.forecast
      ? campaign.forecast
          .map(
            (line) =>
              `${number.format(line.actual)} ${FRENCH_METRICS[line.metric]} contre ${number.format(line.expected)} prévus à ce stade`,
          )
          .join('\u00a0; ')
      : 'pas encore de prévision';
    const kpis = campaign.kpis
      .map((kpi) => `${FRENCH_METRICS[kpi.metric] ?? kpi.metric} (${FRENCH_KPI_STATUS[kpi.status]})`)
      .join(', ');
    const day = `jour ${number.format(campaign.days_elapsed)} sur ${number.format(campaign.days_total)}`;
    lines.push(`${campaign.name} (${day})\u00a0: ${results}${kpis ? `\u00a0; KPI\u00a0: ${kpis}` : ''}.`);
  }
  return {
    title:
      count === 0
        ? 'La semaine à venir\u00a0: rien de programmé pour l’instant'
        : `La semaine à venir\u00a0: ${number.format(count)} ${several(count) ? 'publications programmées' : 'publication programmée'}`,
    body: lines.join('\n'),
  };
}

/** Channel names that are words, as the web app says them in French (its `common.channelNames`). */
const FRENCH_CHANNEL_NAMES: Partial<Record<ChannelId, string>> = {
  email: 'E-mail',
  google_business: 'Fiche d’établissement Google',
};

function frenchChannel(channel: ChannelId): string {
  return FRENCH_CHANNEL_NAMES[channel] ?? CHANNEL_RULES[channel].name;
}

function percent(value: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'percent' }).format(value / 100);
}
