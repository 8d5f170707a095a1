import { PHRASE_BANKS } from './phrasebank/index.js';
import type { PillarKind, ProposedPillar } from './phrasebank/types.js';

// Which kind of pillar a name stands for: the planner's own names in any language, else a guess from the
// words of a name the team chose ("Recipes" reads as tips, "Team" as behind the scenes).

const GUESSES: ReadonlyArray<readonly [ProposedPillar, RegExp]> = [
  [
    'howTo',
    /tip|how|recipe|guide|rezept|anleitung|consejo|receta|astuce|recette|dica|receita|consigli|ricett|recept|advies/iu,
  ],
  [
    'behindScenes',
    /behind|team|craft|process|kulisse|werkstatt|equipo|coulisse|équipe|bastidor|equipa|quinta|dietro|squadra|schermen/iu,
  ],
  [
    'stories',
    /stor|review|customer|testimonial|kund|geschicht|client|histori|témoign|depoiment|storie|recension|klant|verhal/iu,
  ],
  [
    'offers',
    /offer|news|sale|deal|launch|angebot|neuheit|aktion|oferta|novedad|offre|nouveaut|promo|novidade|offert|novità|aanbied|nieuws/iu,
  ],
  [
    'community',
    /communit|poll|question|gemeinschaft|umfrage|frage|comunidad|pregunta|communauté|sondage|comunidade|enquete|comunità|sondaggio|gemeenschap|vraag/iu,
  ],
  ['spotlight', /product|spotlight|menu|produkt|sortiment|producto|produit|produto|prodott|assortiment/iu],
];

/** The kind of a pillar name; `general` when nothing matches. @example pillarKindOf('Hinter den Kulissen') // 'behindScenes' */
export function pillarKindOf(pillar: string | undefined): PillarKind {
  if (!pillar) return 'general';
  const lower = pillar.trim().toLowerCase();
  for (const bank of Object.values(PHRASE_BANKS)) {
    const found = Object.entries(bank.plan.pillarNames).find(([, name]) => name.toLowerCase() === lower);
    if (found) return found[0] as ProposedPillar;
  }
  return GUESSES.find(([, pattern]) => pattern.test(lower))?.[0] ?? 'general';
}

/** Whether the pillar is one of the planner's own (so its name is not turned into a hashtag). */
export function isProposedPillar(pillar: string): boolean {
  const lower = pillar.trim().toLowerCase();
  return Object.values(PHRASE_BANKS).some((bank) =>
    Object.values(bank.plan.pillarNames).some((name) => name.toLowerCase() === lower),
  );
}
