import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// Nederlandse zinnen. Een losse merkstem tutoyeert (je), elke andere zegt u (f.v('je', 'u')). Elke zin staat
// op zichzelf, zodat hij vervangen kan worden als er een woord in staat dat het merk vermijdt.

export const NL: PhraseBank = {
  language: 'nl',
  stopWords: (
    'de het een en of maar is zijn was waren wordt worden heeft hebben met van voor naar op uit bij aan in ' +
    'om als dan dat die dit deze wat wie waar waarom hoe wanneer niet geen ook nog al wel heel meer minder ' +
    'ik je jij u hij zij ze we wij jullie ons onze mijn jouw uw hun er te zo vandaag week nieuw nieuwe ' +
    'schrijf schrijven leg uit uitleggen bedank dank toon laat zien deel delen vraag herinner nodig uit ' +
    'eindig bericht post vijf drie twee een kort korte'
  ).split(' '),
  instruction:
    /^(?:graag\s+)?(?:(?:schrijf|maak|stel|bedenk)\s+(?:een|wat)?\s*(?:kort|korte)?\s*(?:post|bericht|tweet|thread|e-mail|mail|nieuwsbrief|tekst|sms|reel|video|script|advertentie|story)\s*(?:op)?\s*(?:over|voor|om|dat)?\s*)?(?:(?:kondig|promoot|deel|presenteer|laat|herinner|vertel|informeer)\s+(?:(?:de|onze)?\s*(?:klanten|volgers|abonnees|mensen)\s+)?(?:aan|weten|dat|over|aan dat)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `${cap(f.pain)}? Daar helpen we ${f.v('je', 'u')} graag mee.` : null),
      (f) => (f.goal ? `${f.v('Ben je', 'Bent u')} op zoek naar ${f.goal}?` : null),
      (f) => (f.product ? `${f.v('Heb je', 'Heeft u')} ${f.product} al geprobeerd?` : null),
      (f) => (f.goal ? `Hoe dicht ${f.v('ben jij', 'bent u')} bij ${f.goal}?` : null),
      (f) => `Wat zou ${f.v('jouw', 'uw')} week net wat makkelijker maken?`,
      (f) =>
        need(f.audience, f.product) ? `Een vraag voor ${f.audience}: kennen jullie ${f.product} al?` : null,
    ],
    story: [
      (f) => `Een klein verhaal van ${f.name}.`,
      (f) => (f.product ? `Zo is ${f.product} ontstaan.` : null),
      (f) => `We zijn ${f.name} begonnen met één eenvoudig idee: het gewoon goed doen.`,
      () => `Vorige week vroeg iemand waarom we de dingen zo aanpakken.`,
      (f) =>
        need(f.product, f.audience) ? `We hebben ${f.product} gemaakt met ${f.audience} in gedachten.` : null,
      () => `Sommige dingen verdienen gewoon hun tijd.`,
    ],
    list: [
      (f) => (f.product ? `Drie redenen om ${f.product} te proberen:` : null),
      (f) => (f.product ? `${f.product} in drie punten:` : null),
      (f) => `${f.name} in het kort:`,
      (f) => (f.product ? `Dit ${f.v('krijg je', 'krijgt u')} met ${f.product}:` : null),
      (f) => (f.audience ? `Waarom ${f.audience} voor ${f.name} kiezen:` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, vanaf ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `Goed om te weten: ${f.product} kost ${f.price}.` : null),
      (f) =>
        need(f.product, f.price)
          ? `${cap(f.price ?? '')} voor ${f.product}. Dit ${f.v('krijg je', 'krijgt u')} ervoor.`
          : null,
      (f) => (f.product ? `Nu bij ${f.name}: ${f.product}.` : null),
      (f) => (f.product ? `${f.product} staat voor ${f.v('je', 'u')} klaar.` : null),
    ],
    tip: [
      (f) => (f.audience ? `Een snelle tip voor ${f.audience}.` : null),
      () => `De tip van de week.`,
      (f) => (f.goal ? `Zo wordt ${f.goal} een stuk makkelijker.` : null),
      () => `Kleine verandering, groot verschil.`,
      () => `Een trucje dat we graag delen.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Maak kennis met ${f.product}.` : null),
      (f) => (f.product ? `Op ${f.product} zijn we bij ${f.name} extra trots.` : null),
      (f) =>
        f.product
          ? `Als ${f.v('je', 'u')} één ding van ${f.name} probeert, maak het dan ${f.product}.`
          : null,
      () => `Dit verdient een tweede blik.`,
    ],
    howTo: [
      () => `Kies deze week één ding om te veranderen en houd het simpel.`,
      (f) => (f.goal ? `De snelste weg naar ${f.goal} is meestal de eenvoudigste.` : null),
      (f) => (f.product ? `Laat ${f.product} het zware werk doen.` : null),
      () => `Eén keer instellen, daarna elke week plezier van hebben.`,
      () => `Plan het de dag ervoor, dan gaat de rest bijna vanzelf.`,
    ],
    behindScenes: [
      () => `Achter de schermen werkt een klein team dat op elk detail let.`,
      () => `Het meeste werk gebeurt voordat iemand het ziet.`,
      (f) =>
        f.product
          ? `${f.product} gaat door meer handen en controles dan ${f.v('je', 'u')} zou denken.`
          : null,
      () => `Geen shortcuts: liever goed dan snel.`,
    ],
    stories: [
      (f) => (f.audience ? `Het mooiste is als ${f.audience} terugkomen.` : null),
      (f) => (f.product ? `We horen graag hoe ${f.product} in het dagelijks leven bevalt.` : null),
      () => `Jullie verhalen zijn de reden dat we dit doen.`,
      (f) => `${f.v('Heb je', 'Heeft u')} een eigen verhaal met ${f.name}? We horen het graag.`,
    ],
    offers: [
      () => `Het is er, en het staat klaar.`,
      (f) => (f.product ? `${f.product} is vanaf nu verkrijgbaar.` : null),
      (f) => `Nieuws van ${f.name}.`,
      () => `Hier keken we al lang naar uit.`,
    ],
    community: [
      (f) => `Laat ons weten wat ${f.v('je', 'u')} ervan vindt: we lezen elk antwoord.`,
      (f) => `We horen graag van ${f.v('je', 'u')}.`,
      (f) => (f.goal ? `Hoe ziet ${f.goal} er voor ${f.v('jou', 'u')} uit?` : null),
      () => `Jullie antwoorden bepalen wat we hierna doen.`,
    ],
    general: [
      (f) => `We denken dat ${f.v('je', 'u')} dit mooi vindt.`,
      (f) => `Met zorg gemaakt door het team van ${f.name}.`,
      () => `Dit is goed om te weten.`,
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `Wat is ${f.product}? ${f.benefit}` : null),
    (f) => (f.benefit ? `Kort gezegd? ${f.benefit}` : null),
    (f) => (f.benefit ? `We leggen het uit. ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Nog iets om te weten. ${f.proof}` : null),
    (f) => (f.proof ? `En dat is niet alles. ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Gemaakt voor ${f.audience} die ${f.goal} willen.` : null),
    (f) => (f.audience ? `Bedacht met ${f.audience} in gedachten.` : null),
    (f) => (f.audience ? `Vooral goed nieuws voor ${f.audience}.` : null),
    (f) => (f.pain ? `Eén zorg minder: ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `Vanaf ${f.price}.` : null),
    (f) => (f.price ? `Voor ${f.price}.` : null),
    (f) => (f.price ? `Prijs: ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, zoals altijd.` : null),
    (f) => (f.word ? `Altijd ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)}: zo werken wij nu eenmaal.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `Deze keer: ${f.topic}.` : null),
    (f) => (f.topic ? `Vandaag draait het om ${f.topic}.` : null),
    (f) => (f.topic ? `In de spotlight: ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Haal de jouwe', 'Bestel vandaag nog', 'Trakteer jezelf'],
      formal: ['Bestel nu', 'Plaats uw bestelling', 'Bestel online'],
    },
    event: {
      informal: ['Reserveer je plek', 'Doe mee', 'Kom langs'],
      formal: ['Meld u aan', 'Reserveer uw plaats', 'Schrijf u in'],
    },
    booking: {
      informal: ['Boek je moment', 'Kies een tijd die je past', 'Plan een afspraak'],
      formal: ['Maak een afspraak', 'Plan een gesprek', 'Boek een adviesgesprek'],
    },
    learn: {
      informal: ['Neem een kijkje', 'Lees meer', 'Zie het zelf'],
      formal: ['Meer informatie', 'Lees verder', 'Ontdek meer'],
    },
  },
  linkInBio: 'link in bio',
  linkInProfile: 'link in ons profiel',
  messageUs: [
    () => `Vragen? Stuur ons gerust een bericht.`,
    (f) => `Stuur ons een bericht, we helpen ${f.v('je', 'u')} graag.`,
    (f) => `Schrijf ${f.name}, we reageren snel.`,
  ],
  greeting: { informal: () => 'Hoi,', formal: () => 'Beste klant,' },
  signOff: {
    informal: (f) => `Groetjes,\nHet team van ${f.name}`,
    formal: (f) => `Met vriendelijke groet,\nHet team van ${f.name}`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `${f.v('Ken je', 'Kent u')} ${f.product} al?` : null),
      (f) => (f.goal ? `Op zoek naar ${f.goal}?` : null),
      (f) => (f.audience ? `Een vraag voor ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `Het verhaal achter ${f.product}` : null),
      (f) => `Een paar regels van ${f.name}`,
      (f) => (f.product ? `Zo maken we ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 dingen over ${f.product}` : null),
      (f) => (f.product ? `${f.product} in het kort` : null),
      (f) => `${f.name} in drie punten`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, vanaf ${f.price}` : null),
      (f) => (f.product ? `Nieuw bij ${f.name}: ${f.product}` : null),
    ],
    tip: [
      (f) => (f.audience ? `Een tip voor ${f.audience}` : null),
      (f) => `De tip van de week van ${f.name}`,
    ],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `Plus: wat het betekent voor ${f.audience}.` : null),
    () => 'Twee minuten, één goed idee.',
    () => 'Alles wat telt, in één korte mail.',
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product} van dichtbij` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} voor ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: wat het anders maakt` : null),
      (f) => (f.product ? `Maak kennis met ${f.product}` : null),
      (f) => (f.product ? `Drie dingen over ${f.product}` : null),
      (f) => (f.product ? `${f.product} in 30 seconden` : null),
      (f) => (f.product ? `Waarom ${f.product}?` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} en ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Tip voor ${f.audience}: ${f.goal}` : null),
      (f) => (f.goal ? `Zo bereik je ${f.goal}` : null),
      (f) => (f.goal ? `Snel resultaat: ${f.goal}` : null),
      (f) => (f.product ? `Meer halen uit ${f.product}` : null),
      (f) => (f.audience ? `Een simpele routine voor ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: een korte handleiding` : null),
      (f) => (f.pain ? `Klaar met ${bare(f.pain)}` : null),
      (f) => (f.goal ? `In drie stappen naar ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `Achter de schermen: ${f.product}` : null),
      (f) => (f.product ? `Zo ontstaat ${f.product}` : null),
      (f) => `Een ochtend bij ${f.name}`,
      (f) => (f.product ? `De mensen achter ${f.product}` : null),
      (f) => `Wat je niet ziet bij ${f.name}`,
      (f) => (f.product ? `Van idee tot ${f.product}` : null),
      (f) => `Zo werken we bij ${f.name}`,
    ],
    stories: [
      (f) => (f.product ? `Klantverhaal: ${f.product}` : null),
      (f) => (f.audience ? `Waarom ${f.audience} terugkomen` : null),
      (f) => (f.product ? `${f.product} in het echt` : null),
      (f) => (f.audience ? `Wat ${f.audience} ons vertellen` : null),
      (f) => `Jullie verhalen met ${f.name}`,
      (f) => (f.product ? `${f.product} door de ogen van klanten` : null),
    ],
    offers: [
      (f) => (f.product ? `Nieuw: ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product}, vanaf ${f.price}` : null),
      (f) => (f.product ? `Nu bij ${f.name}: ${f.product}` : null),
      (f) => `Deze maand bij ${f.name}`,
      (f) => (f.audience ? `Goed nieuws voor ${f.audience}` : null),
      (f) => (f.product ? `${f.product} is er` : null),
    ],
    community: [
      (f) => (f.audience ? `Vraag voor ${f.audience}` : null),
      (f) => (f.goal ? `Jullie mening: ${f.goal}` : null),
      (f) => (f.product ? `Vertel ons: wat combineer je met ${f.product}?` : null),
      (f) => (f.audience ? `We willen horen van ${f.audience}` : null),
      (f) => (f.goal ? `Poll: ${f.goal}` : null),
      (f) => (f.audience ? `Aan jullie, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name}: ${f.product}` : null),
      (f) => (f.product ? `${f.product} deze week` : null),
      (f) => `Nieuws van ${f.name}`,
    ],
  },
  notice: {
    hooks: [() => 'Let op:', (f) => `Even een update van ${f.name}:`, () => 'Goed om te weten:'],
    closers: [
      () => 'Bedankt voor het begrip.',
      () => 'Bedankt voor het begrip, en tot snel!',
      (f) => `We zien ${f.v('je', 'u')} graag weer.`,
    ],
    subject: (f) => `Even een update van ${f.name}`,
    keywords: /(?:gesloten|sluiting|vakantie|feestdag|openingstijden|onderhoud|mededeling|closed|closure)/iu,
  },
  smsOptOut: 'Afmelden? Antwoord STOP.',
  labels: {
    hook: 'HAAK',
    scene: 'SCÈNE',
    cta: 'OPROEP',
    headline: 'Kop',
    intro: 'Intro',
    section: 'H2',
    onScreen: 'Tekst in beeld',
  },
  reelScenes: [
    (f) => `Close-up van ${f.product ?? f.name}`,
    (f) => (f.product ? `Handen aan het werk: zo ontstaat ${f.product}` : null),
    (f) =>
      f.audience ? `Iemand uit de doelgroep (${f.audience}) die het gebruikt, natuurlijk gefilmd` : null,
    (f) => `Het team van ${f.name}, midden in het werk`,
    (f) => `Wijd shot van ${f.name}, dan langzaam dichterbij`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Waarom ${f.goal} belangrijk is voor ${f.audience}` : null),
    (f) => (f.product ? `Wat ${f.product} anders maakt` : null),
    () => 'Zo begin je, stap voor stap',
    (f) => (f.product ? `Veelgestelde vragen over ${f.product}` : `Veelgestelde vragen aan ${f.name}`),
    () => 'Fouten die je beter kunt vermijden',
    (f) => (f.audience ? `Wat ${f.audience} deze week kunnen doen` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, met ${f.audience} in beeld` : ''}; daglicht, branding van ${f.name} zichtbaar.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Tips',
    behindScenes: 'AchterDeSchermen',
    stories: 'Klantverhalen',
    offers: 'Nieuws',
    community: 'Community',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Product in de spotlight',
      howTo: 'Tips en uitleg',
      behindScenes: 'Achter de schermen',
      stories: 'Klantverhalen',
      offers: 'Aanbiedingen en nieuws',
      community: 'Community',
    },
    pillarDescriptions: {
      spotlight: (f) => `Wat ${f.product ?? f.name} biedt en voor wie.`,
      howTo: (f) => `Nuttige kennis voor ${f.audience ?? 'klanten'}.`,
      behindScenes: (f) => `De mensen, het vakmanschap en het proces achter ${f.name}.`,
      stories: (f) => `Reviews, resultaten en momenten van klanten van ${f.name}, gedeeld met toestemming.`,
      offers: (f) => `Lanceringen, aanbiedingen en nieuws${f.goal ? `, rond ${f.goal}` : ''}.`,
      community: (f) => `Vragen, polls en lokale momenten waar ${f.audience ?? 'volgers'} over praten.`,
    },
    customPillar: (pillar, f) => `${pillar} voor ${f.audience ?? 'ons publiek'}.`,
    briefs: {
      spotlight: [
        (f) => `${f.product ?? f.name} laten zien aan ${f.audience ?? 'onze klanten'}. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `Eén praktische tip over ${f.goal ?? 'ons aanbod'} voor ${f.audience ?? 'onze klanten'}, en laten zien waar ${f.product ?? f.name} helpt.`,
      ],
      behindScenes: [
        (f) =>
          `Hoe het team van ${f.name} ${f.product ?? 'zijn werk'} maakt, met echte mensen en echte stappen.`,
      ],
      stories: [
        (f) =>
          `Iemand uit ${f.audience ?? 'onze klanten'} vertelt wat ${f.product ?? f.name} voor hem of haar veranderde (met toestemming).`,
      ],
      offers: [
        (f) =>
          `Wat er nieuw of in de aanbieding is bij ${f.product ?? f.name}, en waarom dat telt voor ${f.audience ?? 'onze klanten'}. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `${f.audience ?? 'Onze klanten'} vragen naar ${f.goal ?? 'hun week'} en later de beste antwoorden delen.`,
      ],
      general: [(f) => `Een stuk voor ${f.audience ?? 'onze klanten'} over ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'Eindigen met een uitnodiging om ons te volgen.',
      traffic: 'Eindigen met een reden om de website te bezoeken.',
      leads: 'Eindigen met een uitnodiging voor een aanvraag of aanmelding.',
      sales: 'Eindigen met de vraag om te bestellen.',
      engagement: 'Eindigen met een vraag die uitnodigt tot reageren.',
    },
    objectiveNames: {
      awareness: 'naamsbekendheid',
      traffic: 'websitebezoek',
      leads: 'leads',
      sales: 'verkoop',
      engagement: 'interactie',
    },
    perWeek: '/week',
    recommended: '(aanbevolen)',
    reasoning: (p) =>
      [
        `Offline planning voor ${p.name}: ${p.weeks} week/weken vanaf ${p.start}, doel: ${p.objective}.`,
        p.proposed
          ? 'De pijlers zijn voorgesteld op basis van het doel, de producten en de doelgroepen in het profiel; pas ze gerust aan.'
          : 'De pijlers zijn de opgegeven pijlers, met gelijke aandelen.',
        `Frequentie: ${p.cadence}. De aanbevolen frequenties zitten aan de onderkant van de richtlijnen van Hootsuite uit 2023, passend voor een klein team.`,
        `De tijden zijn lokaal (${p.timeZone}) en volgen de best-times-studie van Sprout Social uit 2023 waar die bestaat; voor Threads, Bluesky, e-mail, sms en het Bedrijfsprofiel zijn het onze aannames. Kanaalregels versie ${p.rulesVersion}.`,
        'Elk publiek is anders: vergelijk de resultaten na twee weken en verschuif de momenten die minder goed werken.',
      ].join(' '),
  },
};
