import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// Frasi in italiano. Un tono informale dà del tu, ogni altro del Lei (f.v('tu', 'Lei')). Ogni frase sta in
// piedi da sola, così si può sostituire se contiene una parola che il marchio evita.

export const IT: PhraseBank = {
  language: 'it',
  stopWords: (
    'il lo la i gli le un uno una e o ma è sono era essere avere ha hanno di del della dei delle da dal ' +
    'dalla in nel nella con per su sul sulla tra fra come che quando dove molto più meno non sì già anche ' +
    'solo ti vi ci si ne suo sua suoi sue tuo tua mio mia nostro nostra nostri nostre questo questa questi queste quel ' +
    'quella lui lei noi voi loro oggi settimana nuovo nuova scrivi scrivere spiega spiegare grazie ringrazia ' +
    'mostra condividi chiedi ricorda invita termina post cinque tre due uno breve'
  ).split(' '),
  instruction:
    /^(?:per favore,?\s+)?(?:(?:scrivi|scriva|crea|prepara|fai|redigi)\s+(?:un|una|uno)?\s*(?:breve\s+)?(?:post|tweet|thread|e-mail|email|newsletter|testo|sms|messaggio|reel|video|copione|annuncio|storia)\s*(?:breve)?\s*(?:su|sul|sulla|per|che annuncia|che)?\s*)?(?:(?:annuncia|promuovi|condividi|presenta|metti in evidenza|ricorda|racconta|informa)\s+(?:(?:ai|i|ai nostri)?\s*(?:clienti|follower|iscritti|persone)\s+)?(?:che|di|su)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `${cap(f.pain)}? Possiamo ${f.v('darti', 'darLe')} una mano.` : null),
      (f) => (f.goal ? `${f.v('Cerchi', 'Cerca')} ${f.goal}?` : null),
      (f) => (f.product ? `${f.v('Hai', 'Ha')} già provato ${f.product}?` : null),
      (f) => (f.goal ? `Quanto ${f.v('ti', 'Le')} manca per ${f.goal}?` : null),
      (f) => `Che cosa renderebbe la ${f.v('tua', 'Sua')} settimana un po' più semplice?`,
      (f) => (need(f.audience, f.product) ? `Una domanda per ${f.audience}: conoscete ${f.product}?` : null),
    ],
    story: [
      (f) => `Una piccola storia da ${f.name}.`,
      (f) => (f.product ? `Ecco come è nato ${f.product}.` : null),
      (f) => `Abbiamo fondato ${f.name} con un'idea semplice: fare le cose per bene.`,
      () => `La settimana scorsa qualcuno ci ha chiesto perché lavoriamo così.`,
      (f) => (need(f.product, f.audience) ? `Abbiamo pensato ${f.product} per ${f.audience}.` : null),
      () => `Certe cose meritano il loro tempo.`,
    ],
    list: [
      (f) => (f.product ? `Tre motivi per provare ${f.product}:` : null),
      (f) => (f.product ? `${f.product} in tre punti:` : null),
      (f) => `${f.name} in breve:`,
      (f) => (f.product ? `Che cosa ${f.v('ottieni', 'ottiene')} con ${f.product}:` : null),
      (f) => (f.audience ? `Perché ${f.audience} scelgono ${f.name}:` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, a partire da ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `Buono a sapersi: ${f.product} costa ${f.price}.` : null),
      (f) =>
        need(f.product, f.price) ? `${cap(f.price ?? '')} per ${f.product}. Ecco che cosa include.` : null,
      (f) => (f.product ? `Ora disponibile da ${f.name}: ${f.product}.` : null),
      (f) => (f.product ? `${f.product} ${f.v('ti', 'La')} aspetta.` : null),
    ],
    tip: [
      (f) => (f.audience ? `Un consiglio veloce per ${f.audience}.` : null),
      () => `Il consiglio della settimana.`,
      (f) => (f.goal ? `Un'idea per arrivare a ${f.goal} con meno fatica.` : null),
      () => `Piccolo cambiamento, grande differenza.`,
      () => `Un trucco che vale la pena copiare.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Vi presentiamo ${f.product}.` : null),
      (f) => (f.product ? `${f.product} è una delle cose di cui andiamo più fieri da ${f.name}.` : null),
      (f) =>
        f.product ? `Se ${f.v('provi', 'prova')} una sola cosa da ${f.name}, che sia ${f.product}.` : null,
      () => `Questo merita uno sguardo più da vicino.`,
    ],
    howTo: [
      (f) =>
        `${f.v('Scegli', 'Scelga')} una sola cosa da cambiare questa settimana e ${f.v('tienila', 'la tenga')} semplice.`,
      (f) => (f.goal ? `La strada più breve verso ${f.goal} di solito è la più semplice.` : null),
      (f) => (f.product ? `${f.v('Lascia', 'Lasci')} che ${f.product} faccia la parte più pesante.` : null),
      () => `Si prepara una volta e se ne gode ogni settimana.`,
      () => `Organizzarsi il giorno prima rende tutto più facile.`,
    ],
    behindScenes: [
      () => `Dietro le quinte c'è una piccola squadra che cura ogni dettaglio.`,
      () => `Quasi tutto ciò che facciamo succede prima che qualcuno lo veda.`,
      (f) => (f.product ? `${f.product} passa per più mani e più controlli di quanto si pensi.` : null),
      () => `Nessuna scorciatoia: preferiamo fare bene piuttosto che in fretta.`,
    ],
    stories: [
      (f) => (f.audience ? `La soddisfazione più bella è quando ${f.audience} tornano.` : null),
      (f) => (f.product ? `Ci piace tantissimo scoprire come usate ${f.product} ogni giorno.` : null),
      () => `Le vostre storie sono il motivo per cui facciamo questo lavoro.`,
      (f) => `${f.v('Hai', 'Ha')} una storia con ${f.name}? Ci farebbe piacere conoscerla.`,
    ],
    offers: [
      () => `È arrivato, ed è pronto.`,
      (f) => (f.product ? `${f.product} è disponibile da subito.` : null),
      (f) => `Novità da ${f.name}.`,
      () => `Non vedevamo l'ora di dirvelo.`,
    ],
    community: [
      (f) => `${f.v('Dicci che cosa ne pensi', 'Ci dica che cosa ne pensa')}: leggiamo tutte le risposte.`,
      (f) => `Ci farebbe piacere sentire ${f.v('la tua', 'la Sua')} opinione.`,
      (f) => (f.goal ? `Che cosa significa ${f.goal} per ${f.v('te', 'Lei')}?` : null),
      () => `Le vostre risposte decidono che cosa faremo dopo.`,
    ],
    general: [
      (f) => `Pensiamo che ${f.v('ti', 'Le')} piacerà.`,
      (f) => `Fatto con cura dal team di ${f.name}.`,
      () => `Ecco una cosa che vale la pena sapere.`,
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `Che cos'è ${f.product}? ${f.benefit}` : null),
    (f) => (f.benefit ? `In breve? ${f.benefit}` : null),
    (f) => (f.benefit ? `Ve lo raccontiamo. ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Un'altra cosa da sapere. ${f.proof}` : null),
    (f) => (f.proof ? `E non è tutto. ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Pensato per ${f.audience} che vogliono ${f.goal}.` : null),
    (f) => (f.audience ? `Creato pensando a ${f.audience}.` : null),
    (f) => (f.audience ? `Una bella notizia, soprattutto per ${f.audience}.` : null),
    (f) => (f.pain ? `Una preoccupazione in meno: ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `A partire da ${f.price}.` : null),
    (f) => (f.price ? `A ${f.price}.` : null),
    (f) => (f.price ? `Prezzo: ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, come sempre.` : null),
    (f) => (f.word ? `Sempre ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)}: è così che lavoriamo.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `Questa volta: ${f.topic}.` : null),
    (f) => (f.topic ? `Oggi parliamo di ${f.topic}.` : null),
    (f) => (f.topic ? `In primo piano: ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Prendi il tuo', 'Ordina oggi', 'Concediti una coccola'],
      formal: ['Ordini ora', 'Effettui il Suo ordine', 'Ordini online'],
    },
    event: {
      informal: ['Prenota il tuo posto', 'Unisciti a noi', 'Passa a trovarci'],
      formal: ['Si iscriva ora', 'Prenoti il Suo posto', 'Registrazione qui'],
    },
    booking: {
      informal: ['Prenota il tuo orario', "Scegli l'orario che ti va", 'Fissa un appuntamento'],
      formal: ['Fissi un appuntamento', 'Prenoti una chiamata', 'Prenoti una consulenza'],
    },
    learn: {
      informal: ["Dai un'occhiata", 'Scopri di più', 'Guarda tu stesso'],
      formal: ['Scopra di più', 'Continui a leggere', 'Maggiori informazioni'],
    },
  },
  linkInBio: 'link in bio',
  linkInProfile: 'link nel nostro profilo',
  messageUs: [
    (f) => `Domande? ${f.v('Scrivici', 'Ci scriva')} un messaggio.`,
    (f) => `${f.v('Mandaci', 'Ci mandi')} un messaggio, ${f.v('ti', 'La')} aiutiamo volentieri.`,
    (f) => `${f.v('Scrivi', 'Scriva')} a ${f.name} e ${f.v('ti', 'Le')} rispondiamo presto.`,
  ],
  greeting: { informal: () => 'Ciao!', formal: () => 'Gentile cliente,' },
  signOff: {
    informal: (f) => `A presto,\nIl team di ${f.name}`,
    formal: (f) => `Cordiali saluti,\nIl team di ${f.name}`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `${f.v('Conosci', 'Conosce')} già ${f.product}?` : null),
      (f) => (f.goal ? `${f.v('Cerchi', 'Cerca')} ${f.goal}?` : null),
      (f) => (f.audience ? `Una domanda per ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `La storia dietro ${f.product}` : null),
      (f) => `Due righe da ${f.name}`,
      (f) => (f.product ? `Come nasce ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 cose da sapere su ${f.product}` : null),
      (f) => (f.product ? `${f.product} in breve` : null),
      (f) => `${f.name} in tre punti`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, da ${f.price}` : null),
      (f) => (f.product ? `Novità da ${f.name}: ${f.product}` : null),
    ],
    tip: [
      (f) => (f.audience ? `Un consiglio per ${f.audience}` : null),
      (f) => `Il consiglio della settimana di ${f.name}`,
    ],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `E che cosa cambia per ${f.audience}.` : null),
    () => "Due minuti, un'idea utile.",
    () => "L'essenziale, in una e-mail breve.",
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product}, da vicino` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} per ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: che cosa lo rende diverso` : null),
      (f) => (f.product ? `Vi presentiamo ${f.product}` : null),
      (f) => (f.product ? `Tre cose su ${f.product}` : null),
      (f) => (f.product ? `${f.product} in 30 secondi` : null),
      (f) => (f.product ? `Perché ${f.product}?` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} e ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Consiglio per ${f.audience}: ${f.goal}` : null),
      (f) => (f.goal ? `Come ottenere ${f.goal}` : null),
      (f) => (f.goal ? `Idea veloce: ${f.goal}` : null),
      (f) => (f.product ? `Ottenere di più da ${f.product}` : null),
      (f) => (f.audience ? `Una routine semplice per ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: guida rapida` : null),
      (f) => (f.pain ? `Basta con ${bare(f.pain)}` : null),
      (f) => (f.goal ? `Tre passi verso ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `Dietro le quinte: ${f.product}` : null),
      (f) => (f.product ? `Come nasce ${f.product}` : null),
      (f) => `Una mattina da ${f.name}`,
      (f) => (f.product ? `Le persone dietro ${f.product}` : null),
      (f) => `Quello che non si vede da ${f.name}`,
      (f) => (f.product ? `Dall'idea a ${f.product}` : null),
      (f) => `Come lavoriamo da ${f.name}`,
    ],
    stories: [
      (f) => (f.product ? `Storia di un cliente: ${f.product}` : null),
      (f) => (f.audience ? `Perché ${f.audience} tornano` : null),
      (f) => (f.product ? `${f.product} nella vita di tutti i giorni` : null),
      (f) => (f.audience ? `Che cosa ci raccontano ${f.audience}` : null),
      (f) => `Le vostre storie con ${f.name}`,
      (f) => (f.product ? `${f.product}, visto dai nostri clienti` : null),
    ],
    offers: [
      (f) => (f.product ? `Novità: ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product}, da ${f.price}` : null),
      (f) => (f.product ? `Ora da ${f.name}: ${f.product}` : null),
      (f) => `Questo mese da ${f.name}`,
      (f) => (f.audience ? `Buone notizie per ${f.audience}` : null),
      (f) => (f.product ? `${f.product} è arrivato` : null),
    ],
    community: [
      (f) => (f.audience ? `Domanda per ${f.audience}` : null),
      (f) => (f.goal ? `La vostra opinione: ${f.goal}` : null),
      (f) => (f.product ? `Ditecelo: con che cosa abbinate ${f.product}?` : null),
      (f) => (f.audience ? `Vogliamo sentire ${f.audience}` : null),
      (f) => (f.goal ? `Sondaggio: ${f.goal}` : null),
      (f) => (f.audience ? `A voi la parola, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name}: ${f.product}` : null),
      (f) => (f.product ? `${f.product} questa settimana` : null),
      (f) => `Notizie da ${f.name}`,
    ],
  },
  notice: {
    hooks: [() => 'Avviso:', (f) => `Un aggiornamento da ${f.name}:`, () => 'Buono a sapersi:'],
    closers: [
      () => 'Grazie per la comprensione.',
      () => 'Grazie per la comprensione, a presto!',
      (f) => `${f.v('Ti', 'La')} aspettiamo al nostro ritorno.`,
    ],
    subject: (f) => `Avviso da ${f.name}`,
    keywords: /(?:chiuso|chiusi|chiusura|ferie|festivo|orari|manutenzione|avviso|closed|closure)/iu,
  },
  smsOptOut: 'Rispondi STOP per disiscriverti.',
  labels: {
    hook: 'GANCIO',
    scene: 'SCENA',
    cta: "INVITO ALL'AZIONE",
    headline: 'Titolo',
    intro: 'Introduzione',
    section: 'H2',
    onScreen: 'Testo a schermo',
  },
  reelScenes: [
    (f) => `Primo piano di ${f.product ?? f.name}`,
    (f) => (f.product ? `Mani al lavoro: così nasce ${f.product}` : null),
    (f) =>
      f.audience ? `Una persona del pubblico (${f.audience}) che lo usa, ripresa con naturalezza` : null,
    (f) => `Il team di ${f.name}, colto sul momento`,
    (f) => `Campo largo su ${f.name}, poi ci si avvicina piano`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Perché ${f.goal} conta per ${f.audience}` : null),
    (f) => (f.product ? `Che cosa rende diverso ${f.product}` : null),
    () => 'Come iniziare, passo dopo passo',
    (f) => (f.product ? `Domande frequenti su ${f.product}` : `Domande frequenti a ${f.name}`),
    () => 'Errori da evitare',
    (f) => (f.audience ? `Che cosa possono fare ${f.audience} questa settimana` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, con ${f.audience} nell'inquadratura` : ''}; luce naturale, marchio ${f.name} visibile.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Consigli',
    behindScenes: 'DietroLeQuinte',
    stories: 'StorieDiClienti',
    offers: 'Novità',
    community: 'Community',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Prodotto in primo piano',
      howTo: 'Consigli e guide',
      behindScenes: 'Dietro le quinte',
      stories: 'Storie di clienti',
      offers: 'Offerte e novità',
      community: 'Community',
    },
    pillarDescriptions: {
      spotlight: (f) => `Che cosa offre ${f.product ?? f.name} e per chi.`,
      howTo: (f) => `Competenze utili per ${f.audience ?? 'i clienti'}.`,
      behindScenes: (f) => `Le persone, il mestiere e il processo dietro ${f.name}.`,
      stories: (f) =>
        `Recensioni, risultati e momenti dei clienti di ${f.name}, condivisi con il loro permesso.`,
      offers: (f) => `Lanci, offerte e novità${f.goal ? `, legati a ${f.goal}` : ''}.`,
      community: (f) => `Domande, sondaggi e momenti locali che fanno parlare ${f.audience ?? 'i follower'}.`,
    },
    customPillar: (pillar, f) => `Contenuti «${pillar}» per ${f.audience ?? 'il nostro pubblico'}.`,
    briefs: {
      spotlight: [
        (f) => `Mostrare ${f.product ?? f.name} a ${f.audience ?? 'i clienti'}. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `Un consiglio pratico su ${f.goal ?? 'il nostro servizio'} per ${f.audience ?? 'i clienti'}, mostrando dove aiuta ${f.product ?? f.name}.`,
      ],
      behindScenes: [
        (f) =>
          `Come il team di ${f.name} realizza ${f.product ?? 'il proprio lavoro'}, con persone e processi veri.`,
      ],
      stories: [
        (f) =>
          `Una persona tra ${f.audience ?? 'i clienti'} racconta che cosa ha cambiato ${f.product ?? f.name} (con il suo permesso).`,
      ],
      offers: [
        (f) =>
          `Che cosa c'è di nuovo o in offerta con ${f.product ?? f.name} e perché conta per ${f.audience ?? 'i clienti'}. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `Chiedere a ${f.audience ?? 'i clienti'} di ${f.goal ?? 'la loro settimana'} e condividere poi le risposte migliori.`,
      ],
      general: [(f) => `Un contenuto per ${f.audience ?? 'i clienti'} con ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'Chiudere invitando a seguirci.',
      traffic: 'Chiudere con un motivo per visitare il sito.',
      leads: "Chiudere invitando a una richiesta o a un'iscrizione.",
      sales: "Chiudere chiedendo l'ordine.",
      engagement: 'Chiudere con una domanda che inviti a rispondere.',
    },
    objectiveNames: {
      awareness: 'notorietà',
      traffic: 'traffico',
      leads: 'contatti',
      sales: 'vendite',
      engagement: 'coinvolgimento',
    },
    perWeek: '/settimana',
    recommended: '(consigliato)',
    reasoning: (p) =>
      [
        `Piano offline per ${p.name}: ${p.weeks} settimana/e dal ${p.start}, obiettivo: ${p.objective}.`,
        p.proposed
          ? "I pilastri sono stati proposti a partire dall'obiettivo, dai prodotti e dal pubblico del profilo; adattateli a piacere."
          : 'I pilastri sono quelli indicati, con lo stesso peso.',
        `Frequenza: ${p.cadence}. Le frequenze consigliate stanno nella parte bassa delle indicazioni di Hootsuite del 2023, pensate per un piccolo team.`,
        `Gli orari sono locali (${p.timeZone}) e seguono lo studio di Sprout Social del 2023 sui momenti migliori, dove esiste; per Threads, Bluesky, e-mail, SMS e il Profilo dell'attività sono nostre ipotesi. Regole dei canali versione ${p.rulesVersion}.`,
        'Ogni pubblico è diverso: confrontate i risultati dopo due settimane e spostate gli orari che rendono meno.',
      ].join(' '),
  },
};
