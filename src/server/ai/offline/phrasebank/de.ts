import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// Deutsche Phrasen. Ein lockerer Markenton duzt, jeder andere siezt (f.v('du', 'Sie')). Jeder Satz steht für
// sich, damit er ersetzt werden kann, wenn er ein Wort enthält, das die Marke meidet.

export const DE: PhraseBank = {
  language: 'de',
  stopWords: (
    'der die das den dem des ein eine einen einem einer eines und oder aber doch ist sind war waren wird ' +
    'werden hat haben mit von zu zum zur für auf aus bei nach vor über unter an am im in ins um als wie ' +
    'wenn dass so auch noch schon nur sehr mehr nicht kein keine ich du er sie es wir ihr sie mein dein ' +
    'sein unser euer ihr ihre ihren dich dir uns euch dies diese dieser dieses was wer wo warum heute woche kurz kurzer kurze neu neue ' +
    'schreib schreibe schreiben erkläre erklären danke bedanke zeige zeig teile teilen frage fragen erinnere ' +
    'lade ende beitrag post fünf drei zwei eins bitte'
  ).split(' '),
  instruction:
    /^(?:bitte\s+)?(?:(?:schreib(?:e|en)?|erstell(?:e|en)?|verfass(?:e|en)?|mach(?:e)?)\s+(?:(?:uns|mir)\s+)?(?:einen|eine|ein|kurzen|kurze|kurzes)?\s*(?:kurzen\s+|kurze\s+|kurzes\s+)?(?:post|beitrag|tweet|thread|e-mail|mail|newsletter|text|sms|nachricht|reel|video|skript|anzeige|story)\s*(?:über|zu|zum|zur|für|dass)?\s*)?(?:(?:kündige|bewirb|teile|stelle|zeige|erinnere|informiere|sag)\s+(?:(?:die|unsere)?\s*(?:kunden|kundinnen|leute|follower|abonnenten)\s+)?(?:an|vor|über|daran|dass)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `${cap(f.pain)}? Da können wir helfen.` : null),
      (f) => (f.goal ? `${f.v('Du wünschst dir', 'Sie wünschen sich')} ${f.goal}?` : null),
      (f) => (f.product ? `${f.v('Kennst du', 'Kennen Sie')} schon ${f.product}?` : null),
      (f) => (f.product ? `Schon probiert? ${f.product} wartet auf ${f.v('dich', 'Sie')}.` : null),
      (f) => `Was würde ${f.v('deine', 'Ihre')} Woche ein bisschen leichter machen?`,
      (f) =>
        need(f.audience, f.product)
          ? `Eine Frage an alle ${f.audience}: ${f.v('Kennt ihr', 'Kennen Sie')} schon ${f.product}?`
          : null,
    ],
    story: [
      () => `Eine kleine Geschichte aus unserem Alltag.`,
      (f) => (f.product ? `So ist ${f.product} entstanden.` : null),
      () => `Angefangen haben wir mit einer einfachen Idee: alles ordentlich machen.`,
      () => `Letzte Woche hat uns jemand gefragt, warum wir die Dinge so machen, wie wir sie machen.`,
      (f) => (need(f.product, f.audience) ? `${f.product} haben wir für ${f.audience} gemacht.` : null),
      () => `Manche Dinge brauchen einfach ihre Zeit.`,
    ],
    list: [
      (f) => (f.product ? `Drei Gründe für ${f.product}:` : null),
      (f) => (f.product ? `${f.product} auf einen Blick:` : null),
      (f) => `${f.name} in Kürze:`,
      (f) => (f.product ? `Das steckt in ${f.product}:` : null),
      (f) => (f.audience ? `Warum ${f.audience} gern zu uns kommen:` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product} gibt es ab ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `Gut zu wissen: ${f.product} kostet ${f.price}.` : null),
      (f) =>
        need(f.product, f.price)
          ? `${cap(f.price ?? '')} für ${f.product}. Und das ${f.v('bekommst du', 'bekommen Sie')} dafür.`
          : null,
      (f) => (f.product ? `Jetzt bei ${f.name}: ${f.product}.` : null),
      (f) => (f.product ? `${f.product} ist bereit für ${f.v('dich', 'Sie')}.` : null),
    ],
    tip: [
      (f) => (f.audience ? `Ein schneller Tipp für ${f.audience}.` : null),
      () => `Unser Tipp der Woche.`,
      (f) => (f.goal ? `Ein Tipp für alle, denen das wichtig ist: ${f.goal}.` : null),
      () => `Kleine Änderung, große Wirkung.`,
      () => `Ein Trick, den wir gern verraten.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Wir stellen vor: ${f.product}.` : null),
      (f) => (f.product ? `Auf ${f.product} sind wir besonders stolz.` : null),
      (f) =>
        f.product ? `Wenn ${f.v('du', 'Sie')} nur eine Sache von uns probieren, dann ${f.product}.` : null,
      () => `Das hier lohnt einen zweiten Blick.`,
    ],
    howTo: [
      (f) =>
        `${f.v('Nimm dir', 'Nehmen Sie sich')} diese Woche nur eine Sache vor, und ${f.v('halte', 'halten Sie')} es einfach.`,
      (f) =>
        f.goal
          ? `${f.v('Dein', 'Ihr')} Ziel: ${f.goal}? Der einfachste Weg dorthin ist oft der schnellste.`
          : null,
      (f) => (f.product ? `Den Großteil der Arbeit übernimmt ${f.product}.` : null),
      () => `Einmal einrichten, dann jede Woche davon profitieren.`,
      () => `Am Vortag planen, dann läuft der Rest fast von allein.`,
    ],
    behindScenes: [
      () => `Hinter den Kulissen arbeitet ein kleines Team, dem jedes Detail wichtig ist.`,
      () => `Das meiste passiert, bevor es irgendjemand sieht.`,
      (f) => (f.product ? `Bis ${f.product} fertig ist, geht es durch mehr Hände, als man denkt.` : null),
      () => `Keine Abkürzungen: Lieber gründlich als schnell.`,
    ],
    stories: [
      (f) => (f.audience ? `Am schönsten ist es, wenn ${f.audience} wiederkommen.` : null),
      (f) => (f.product ? `Wir hören so gern, wie ${f.product} im Alltag ankommt.` : null),
      (f) => `${f.v('Eure', 'Ihre')} Geschichten sind der Grund, warum wir das machen.`,
      (f) => `${f.v('Hast du', 'Haben Sie')} eine eigene Geschichte mit uns? Wir freuen uns darauf.`,
    ],
    offers: [
      () => `Endlich ist es so weit.`,
      (f) => (f.product ? `${f.product} ist ab sofort erhältlich.` : null),
      () => `Es gibt Neuigkeiten.`,
      () => `Darauf haben wir uns schon lange gefreut.`,
    ],
    community: [
      (f) => `${f.v('Schreib uns deine', 'Schreiben Sie uns Ihre')} Meinung: Wir lesen jede Antwort.`,
      (f) => `Wir freuen uns, von ${f.v('dir', 'Ihnen')} zu hören.`,
      (f) => (f.goal ? `Wie sieht ${f.goal} für ${f.v('dich', 'Sie')} aus?` : null),
      (f) => `${f.v('Eure', 'Ihre')} Antworten bestimmen, was wir als Nächstes machen.`,
    ],
    general: [
      (f) => `Wir glauben, das gefällt ${f.v('dir', 'Ihnen')}.`,
      () => `Mit viel Sorgfalt von unserem Team gemacht.`,
      (f) => f.v('Schau gern mal bei uns vorbei.', 'Schauen Sie gern bei uns vorbei.'),
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `Was ist ${f.product}? ${f.benefit}` : null),
    (f) => (f.benefit ? `Kurz gesagt: ${f.benefit}` : null),
    (f) => (f.benefit ? `Das Besondere: ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Gut zu wissen: ${f.proof}` : null),
    (f) => (f.proof ? `Und noch etwas: ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Gemacht für ${f.audience}, die sich ${f.goal} wünschen.` : null),
    (f) => (f.audience ? `Mit Blick auf ${f.audience} entwickelt.` : null),
    (f) => (f.audience ? `Besonders gute Nachrichten für ${f.audience}.` : null),
    (f) => (f.pain ? `Eine Sorge weniger: ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `Ab ${f.price}.` : null),
    (f) => (f.price ? `Für ${f.price} zu haben.` : null),
    (f) => (f.price ? `Preis: ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, wie immer.` : null),
    (f) => (f.word ? `Immer ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)} – so arbeiten wir.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `Heute im Fokus: ${f.topic}.` : null),
    (f) => (f.topic ? `Im Mittelpunkt: ${f.topic}.` : null),
    (f) => (f.topic ? `Thema heute: ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Hol dir deins', 'Gleich bestellen', 'Gönn dir was'],
      formal: ['Jetzt bestellen', 'Bestellung aufgeben', 'Online bestellen'],
    },
    event: {
      informal: ['Sichere dir deinen Platz', 'Sei dabei', 'Komm vorbei'],
      formal: ['Jetzt anmelden', 'Platz reservieren', 'Hier anmelden'],
    },
    booking: {
      informal: ['Buch dir einen Termin', 'Such dir einen Termin aus', 'Termin schnappen'],
      formal: ['Termin vereinbaren', 'Gespräch vereinbaren', 'Beratung buchen'],
    },
    learn: {
      informal: ['Schau mal rein', 'Mehr erfahren', 'Überzeug dich selbst'],
      formal: ['Mehr erfahren', 'Weiterlesen', 'Mehr dazu'],
    },
  },
  linkInBio: 'Link in der Bio',
  linkInProfile: 'Link in unserem Profil',
  messageUs: [
    (f) => `Fragen? ${f.v('Schreib', 'Schreiben Sie')} uns eine Nachricht.`,
    (f) => `${f.v('Schick', 'Schicken Sie')} uns eine Nachricht, wir helfen gern.`,
    (f) => `${f.v('Schreib uns', 'Schreiben Sie uns')}, wir melden uns.`,
  ],
  greeting: { informal: () => 'Hallo,', formal: () => 'Guten Tag,' },
  signOff: {
    informal: (f) => `Liebe Grüße\nDein Team von ${f.name}`,
    formal: (f) => `Mit freundlichen Grüßen\nIhr Team von ${f.name}`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `${f.v('Kennst du', 'Kennen Sie')} schon ${f.product}?` : null),
      (f) => (f.goal ? `${f.v('Dein', 'Ihr')} Ziel: ${f.goal}?` : null),
      (f) => (f.audience ? `Eine Frage an ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `Die Geschichte hinter ${f.product}` : null),
      (f) => `Ein paar Zeilen von ${f.name}`,
      (f) => (f.product ? `So entsteht ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 Dinge über ${f.product}` : null),
      (f) => (f.product ? `${f.product} auf einen Blick` : null),
      (f) => `${f.name} in drei Punkten`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product} ab ${f.price}` : null),
      (f) => (f.product ? `Neu bei ${f.name}: ${f.product}` : null),
    ],
    tip: [
      (f) => (f.audience ? `Ein Tipp für ${f.audience}` : null),
      (f) => `Der Tipp der Woche von ${f.name}`,
    ],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `Dazu: was das für ${f.audience} bedeutet.` : null),
    () => 'Zwei Minuten, eine gute Idee.',
    () => 'Alles Wichtige in einer kurzen E-Mail.',
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product} aus der Nähe` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} für ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: Was es besonders macht` : null),
      (f) => (f.product ? `Darf ich vorstellen: ${f.product}` : null),
      (f) => (f.product ? `Drei Dinge über ${f.product}` : null),
      (f) => (f.product ? `${f.product} in 30 Sekunden` : null),
      (f) => (f.product ? `Warum ${f.product}?` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} und ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Tipp für ${f.audience}: ${f.goal}` : null),
      (f) => (f.goal ? `So gelingt ${f.goal}` : null),
      (f) => (f.goal ? `Schnell umgesetzt: ${f.goal}` : null),
      (f) => (f.product ? `Mehr aus ${f.product} herausholen` : null),
      (f) => (f.audience ? `Eine einfache Routine für ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: eine kleine Anleitung` : null),
      (f) => (f.pain ? `Schluss mit ${bare(f.pain)}` : null),
      (f) => (f.goal ? `In drei Schritten: ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `Hinter den Kulissen: ${f.product}` : null),
      (f) => (f.product ? `So entsteht ${f.product}` : null),
      (f) => `Ein Morgen bei ${f.name}`,
      (f) => (f.product ? `Die Menschen hinter ${f.product}` : null),
      (f) => `Was man bei ${f.name} nicht sieht`,
      (f) => (f.product ? `Von der Idee zu ${f.product}` : null),
      (f) => `So arbeiten wir bei ${f.name}`,
    ],
    stories: [
      (f) => (f.product ? `Kundengeschichte: ${f.product}` : null),
      (f) => (f.audience ? `Warum ${f.audience} wiederkommen` : null),
      (f) => (f.product ? `${f.product} im Alltag` : null),
      (f) => (f.audience ? `Was uns ${f.audience} erzählen` : null),
      (f) => `Eure Geschichten mit ${f.name}`,
      (f) => (f.product ? `${f.product} aus Kundensicht` : null),
    ],
    offers: [
      (f) => (f.product ? `Neu: ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product} ab ${f.price}` : null),
      (f) => (f.product ? `Jetzt bei ${f.name}: ${f.product}` : null),
      (f) => `Diesen Monat bei ${f.name}`,
      (f) => (f.audience ? `Gute Nachrichten für ${f.audience}` : null),
      (f) => (f.product ? `${f.product} ist da` : null),
    ],
    community: [
      (f) => (f.audience ? `Eine Frage an ${f.audience}` : null),
      (f) => (f.goal ? `Eure Meinung: ${f.goal}` : null),
      (f) => (f.product ? `Verratet uns: Was passt zu ${f.product}?` : null),
      (f) => (f.audience ? `Wir wollen von ${f.audience} hören` : null),
      (f) => (f.goal ? `Umfrage: ${f.goal}` : null),
      (f) => (f.audience ? `Jetzt seid ihr dran, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name}: ${f.product}` : null),
      (f) => (f.product ? `${f.product} diese Woche` : null),
      (f) => `Neues von ${f.name}`,
    ],
  },
  notice: {
    hooks: [() => 'Bitte beachten:', (f) => `Kurze Info von ${f.name}:`, () => 'Gut zu wissen:'],
    closers: [
      (f) => `Vielen Dank für ${f.v('dein', 'Ihr')} Verständnis.`,
      () => 'Bis bald, und danke fürs Verständnis!',
      (f) => `Wir freuen uns auf ${f.v('deinen', 'Ihren')} nächsten Besuch.`,
    ],
    subject: (f) => `Kurze Info von ${f.name}`,
    keywords:
      /(?:geschlossen|schließ|betriebsferien|betriebsurlaub|urlaub|feiertag|öffnungszeiten|ruhetag|wartung|hinweis|closed|closure)/iu,
  },
  smsOptOut: 'STOP zum Abbestellen.',
  labels: {
    hook: 'EINSTIEG',
    scene: 'SZENE',
    cta: 'AUFRUF',
    headline: 'Überschrift',
    intro: 'Einleitung',
    section: 'H2',
    onScreen: 'Texteinblendung',
  },
  reelScenes: [
    (f) => `Nahaufnahme von ${f.product ?? f.name}`,
    (f) => (f.product ? `Hände bei der Arbeit: So entsteht ${f.product}` : null),
    (f) => (f.audience ? `Jemand aus der Zielgruppe ${f.audience} nutzt es, ganz natürlich gefilmt` : null),
    (f) => `Das Team von ${f.name}, mitten im Geschehen`,
    (f) => `Totale von ${f.name}, dann langsam näher`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Warum ${f.goal} für ${f.audience} zählt` : null),
    (f) => (f.product ? `Was ${f.product} anders macht` : null),
    () => 'Der Einstieg, Schritt für Schritt',
    (f) => (f.product ? `Häufige Fragen zu ${f.product}` : `Häufige Fragen an ${f.name}`),
    () => 'Typische Fehler und wie man sie vermeidet',
    (f) => (f.audience ? `Was ${f.audience} diese Woche tun können` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, mit ${f.audience} im Bild` : ''}; natürliches Licht, Branding von ${f.name} sichtbar.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Tipps',
    behindScenes: 'HinterDenKulissen',
    stories: 'Kundengeschichten',
    offers: 'Neuigkeiten',
    community: 'Community',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Produkt im Fokus',
      howTo: 'Tipps und Anleitungen',
      behindScenes: 'Hinter den Kulissen',
      stories: 'Kundengeschichten',
      offers: 'Angebote und Neuigkeiten',
      community: 'Community',
    },
    pillarDescriptions: {
      spotlight: (f) => `Was ${f.product ?? f.name} bietet und für wen es gedacht ist.`,
      howTo: (f) => `Nützliches Wissen für ${f.audience ?? 'unsere Kundschaft'}.`,
      behindScenes: (f) => `Die Menschen, das Handwerk und die Abläufe hinter ${f.name}.`,
      stories: (f) =>
        `Bewertungen, Erfahrungen und Momente von Kundinnen und Kunden von ${f.name}, mit Erlaubnis geteilt.`,
      offers: (f) => `Neuheiten, Angebote und Nachrichten${f.goal ? ` rund um ${f.goal}` : ''}.`,
      community: (f) =>
        `Fragen, Umfragen und Momente aus der Nachbarschaft, über die ${f.audience ?? 'unsere Follower'} reden.`,
    },
    customPillar: (pillar, f) => `${pillar} für ${f.audience ?? 'unsere Zielgruppe'}.`,
    briefs: {
      spotlight: [
        (f) =>
          `${f.product ?? f.name} für ${f.audience ?? 'unsere Kundschaft'} vorstellen. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `Ein praktischer Tipp zu ${f.goal ?? 'unserem Angebot'} für ${f.audience ?? 'unsere Kundschaft'}; zeigen, wo ${f.product ?? f.name} hilft.`,
      ],
      behindScenes: [
        (f) =>
          `Zeigen, wie das Team von ${f.name} ${f.product ?? 'seine Arbeit'} macht, mit echten Menschen und Abläufen.`,
      ],
      stories: [
        (f) =>
          `Jemand aus ${f.audience ?? 'unserer Kundschaft'} erzählt, was ${f.product ?? f.name} verändert hat (mit Erlaubnis).`,
      ],
      offers: [
        (f) =>
          `Was es Neues oder im Angebot bei ${f.product ?? f.name} gibt und warum das für ${f.audience ?? 'unsere Kundschaft'} zählt. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `${f.audience ?? 'Unsere Kundschaft'} nach ${f.goal ?? 'ihrer Woche'} fragen und die besten Antworten später teilen.`,
      ],
      general: [(f) => `Ein Beitrag für ${f.audience ?? 'unsere Kundschaft'} mit ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'Zum Schluss einladen, uns zu folgen.',
      traffic: 'Zum Schluss einen Grund für einen Besuch auf der Website geben.',
      leads: 'Zum Schluss zu einer Anfrage oder Anmeldung einladen.',
      sales: 'Zum Schluss um die Bestellung bitten.',
      engagement: 'Mit einer Frage enden, die zu Antworten einlädt.',
    },
    objectiveNames: {
      awareness: 'Bekanntheit',
      traffic: 'Website-Besuche',
      leads: 'Anfragen',
      sales: 'Verkäufe',
      engagement: 'Interaktion',
    },
    perWeek: '/Woche',
    recommended: '(empfohlen)',
    reasoning: (p) =>
      [
        `Offline-Plan für ${p.name} über ${p.weeks} Woche(n) ab ${p.start}, Ziel: ${p.objective}.`,
        p.proposed
          ? 'Die Themensäulen wurden aus dem Ziel, den Produkten und den Zielgruppen im Profil vorgeschlagen; passen Sie sie gern an.'
          : 'Die Themensäulen sind die vorgegebenen, mit gleichen Anteilen.',
        `Frequenz: ${p.cadence}. Die empfohlenen Frequenzen liegen am unteren Ende der Empfehlungen von Hootsuite (2023), passend für ein kleines Team.`,
        `Die Uhrzeiten gelten in ${p.timeZone} und folgen der Best-Times-Studie von Sprout Social (2023), wo es eine gibt; für Threads, Bluesky, E-Mail, SMS und das Unternehmensprofil sind es unsere Annahmen. Kanalregeln Version ${p.rulesVersion}.`,
        'Jedes Publikum ist anders: Vergleichen Sie die Ergebnisse nach zwei Wochen und verschieben Sie schwache Termine.',
      ].join(' '),
  },
};
