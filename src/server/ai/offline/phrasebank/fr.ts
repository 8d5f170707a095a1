import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// Phrases en français. Un ton décontracté tutoie, tout autre vouvoie (f.v('tu', 'vous')). Chaque phrase
// tient seule, pour pouvoir la remplacer si elle contient un mot que la marque évite.

export const FR: PhraseBank = {
  language: 'fr',
  stopWords: (
    'le la les un une des du de d l et ou mais est sont était être avoir a ont à au aux en dans par pour ' +
    'avec sans sur sous entre comme que qui quoi quand où très plus moins ne pas oui non déjà aussi ' +
    'seulement son sa ses ton ta tes mon ma mes notre nos votre vos leur leurs ce cet cette ces il elle ' +
    'ils elles on nous vous je tu aujourd hui semaine nouveau nouvelle écris écrire explique expliquer ' +
    'merci remercie montre partage demande rappelle invite termine publication post cinq trois deux un court courte'
  ).split(' '),
  instruction:
    /^(?:merci de\s+|s'il te plaît,?\s+)?(?:(?:écris|écrivez|rédige|rédigez|crée|créez|prépare|préparez|fais|faites)\s+(?:un|une|des)?\s*(?:court|courte|petit|petite)?\s*(?:post|publication|tweet|fil|e-mail|email|mail|newsletter|texte|sms|message|reel|vidéo|script|annonce|story)\s*(?:court|courte)?\s*(?:sur|à propos de|pour|annonçant|qui)?\s*)?(?:(?:annonce|annoncez|promeus|présente|présentez|partage|partagez|rappelle|rappelez|informe|informez|dis)\s+(?:(?:aux|les|nos)?\s*(?:clients|abonnés|gens|followers)\s+)?(?:que|de|sur)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `${cap(f.pain)} ? On peut ${f.v("t'aider", 'vous aider')}.` : null),
      (f) => (f.goal ? `${f.v('Tu cherches', 'Vous cherchez')} ${f.goal} ?` : null),
      (f) => (f.product ? `${f.v('As-tu', 'Avez-vous')} déjà essayé ${f.product} ?` : null),
      (f) => (f.goal ? `Où en ${f.v('es-tu', 'êtes-vous')} avec ${f.goal} ?` : null),
      (f) => `Qu'est-ce qui rendrait ${f.v('ta', 'votre')} semaine un peu plus simple ?`,
      (f) =>
        need(f.audience, f.product)
          ? `Une question pour les ${f.audience} : connaissez-vous ${f.product} ?`
          : null,
    ],
    story: [
      (f) => `Une petite histoire de chez ${f.name}.`,
      (f) => (f.product ? `Voici comment est né ${f.product}.` : null),
      (f) => `Nous avons lancé ${f.name} avec une idée simple : bien faire les choses.`,
      () => `La semaine dernière, on nous a demandé pourquoi nous travaillons ainsi.`,
      (f) => (need(f.product, f.audience) ? `Nous avons pensé ${f.product} pour les ${f.audience}.` : null),
      () => `Certaines choses méritent qu'on prenne son temps.`,
    ],
    list: [
      (f) => (f.product ? `Trois bonnes raisons d'essayer ${f.product} :` : null),
      (f) => (f.product ? `${f.product} en trois points :` : null),
      (f) => `${f.name} en bref :`,
      (f) => (f.product ? `Ce que ${f.product} ${f.v("t'apporte", 'vous apporte')} :` : null),
      (f) => (f.audience ? `Pourquoi les ${f.audience} choisissent ${f.name} :` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, à partir de ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `Bon à savoir : ${f.product} coûte ${f.price}.` : null),
      (f) =>
        need(f.product, f.price)
          ? `${cap(f.price ?? '')} pour ${f.product}. Voici ce que cela comprend.`
          : null,
      (f) => (f.product ? `Disponible dès maintenant chez ${f.name} : ${f.product}.` : null),
      (f) => (f.product ? `${f.product} ${f.v("t'attend", 'vous attend')}.` : null),
    ],
    tip: [
      (f) => (f.audience ? `Un conseil rapide pour les ${f.audience}.` : null),
      () => `Le conseil de la semaine.`,
      (f) => (f.goal ? `Une astuce pour ${f.goal}, avec moins d'efforts.` : null),
      () => `Petit changement, grande différence.`,
      () => `Une astuce qui mérite d'être partagée.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Voici ${f.product}.` : null),
      (f) =>
        f.product ? `${f.product} fait partie de ce dont nous sommes les plus fiers chez ${f.name}.` : null,
      (f) =>
        f.product
          ? `Si ${f.v("tu n'essaies", "vous n'essayez")} qu'une chose chez ${f.name}, que ce soit ${f.product}.`
          : null,
      () => `Cela mérite qu'on s'y attarde.`,
    ],
    howTo: [
      (f) =>
        `${f.v('Choisis', 'Choisissez')} une seule chose à changer cette semaine, et ${f.v('reste', 'restez')} simple.`,
      (f) => (f.goal ? `Le chemin le plus court vers ${f.goal} est souvent le plus simple.` : null),
      (f) => (f.product ? `${f.v('Laisse', 'Laissez')} ${f.product} faire le plus gros du travail.` : null),
      () => `On le prépare une fois, on en profite chaque semaine.`,
      () => `Tout prévoir la veille rend le reste bien plus facile.`,
    ],
    behindScenes: [
      () => `En coulisses, une petite équipe veille à chaque détail.`,
      () => `L'essentiel de notre travail se fait avant que quiconque ne le voie.`,
      (f) =>
        f.product ? `${f.product} passe entre plus de mains et de contrôles qu'on ne l'imagine.` : null,
      () => `Pas de raccourcis : nous préférons bien faire plutôt que vite faire.`,
    ],
    stories: [
      (f) => (f.audience ? `Le plus beau compliment, c'est quand les ${f.audience} reviennent.` : null),
      (f) => (f.product ? `Nous adorons découvrir comment vous utilisez ${f.product} au quotidien.` : null),
      () => `Vos histoires sont la raison pour laquelle nous faisons ce métier.`,
      (f) => `${f.v('Tu as', 'Vous avez')} une histoire avec ${f.name} ? Nous serions ravis de la découvrir.`,
    ],
    offers: [
      () => `C'est arrivé, et c'est prêt.`,
      (f) => (f.product ? `${f.product} est disponible dès maintenant.` : null),
      (f) => `Du nouveau chez ${f.name}.`,
      () => `Nous avions hâte de vous l'annoncer.`,
    ],
    community: [
      (f) =>
        `${f.v('Dis-nous', 'Dites-nous')} ce que ${f.v('tu en penses', 'vous en pensez')} : nous lisons toutes les réponses.`,
      (f) => `Nous aimerions ${f.v("t'entendre", 'vous entendre')}.`,
      (f) => (f.goal ? `À quoi ressemble ${f.goal} pour ${f.v('toi', 'vous')} ?` : null),
      () => `Vos réponses guident nos prochaines idées.`,
    ],
    general: [
      (f) => `Nous pensons que cela va ${f.v('te', 'vous')} plaire.`,
      (f) => `Fait avec soin par l'équipe de ${f.name}.`,
      () => `Voici une chose bonne à savoir.`,
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `${f.product}, qu'est-ce que c'est ? ${f.benefit}` : null),
    (f) => (f.benefit ? `En deux mots ? ${f.benefit}` : null),
    (f) => (f.benefit ? `On ${f.v("t'explique", 'vous explique')}. ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Autre chose à savoir. ${f.proof}` : null),
    (f) => (f.proof ? `Et ce n'est pas tout. ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Pensé pour les ${f.audience} qui veulent ${f.goal}.` : null),
    (f) => (f.audience ? `Conçu en pensant aux ${f.audience}.` : null),
    (f) => (f.audience ? `Une bonne nouvelle, surtout pour les ${f.audience}.` : null),
    (f) => (f.pain ? `Un souci de moins : ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `À partir de ${f.price}.` : null),
    (f) => (f.price ? `Pour ${f.price}.` : null),
    (f) => (f.price ? `Prix : ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, comme toujours.` : null),
    (f) => (f.word ? `Toujours ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)} : c'est notre façon de travailler.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `Cette fois : ${f.topic}.` : null),
    (f) => (f.topic ? `Au programme : ${f.topic}.` : null),
    (f) => (f.topic ? `À l'honneur : ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Commande le tien', "Commande dès aujourd'hui", 'Fais-toi plaisir'],
      formal: ['Commandez maintenant', 'Passez commande', 'Commandez en ligne'],
    },
    event: {
      informal: ['Réserve ta place', 'Rejoins-nous', 'Passe nous voir'],
      formal: ['Inscrivez-vous', 'Réservez votre place', 'Inscription ici'],
    },
    booking: {
      informal: ['Réserve ton créneau', "Choisis l'horaire qui te va", 'Prends rendez-vous'],
      formal: ['Prenez rendez-vous', 'Planifiez un appel', 'Réservez une consultation'],
    },
    learn: {
      informal: ['Jette un œil', 'Découvre la suite', 'Vois par toi-même'],
      formal: ['En savoir plus', 'Lire la suite', 'Découvrez-en plus'],
    },
  },
  linkInBio: 'lien en bio',
  linkInProfile: 'lien dans notre profil',
  messageUs: [
    (f) => `Des questions ? ${f.v('Écris-nous', 'Écrivez-nous')}.`,
    (f) => `${f.v('Envoie-nous', 'Envoyez-nous')} un message, on ${f.v("t'aide", 'vous aide')} volontiers.`,
    (f) => `${f.v('Écris', 'Écrivez')} à ${f.name}, nous ${f.v('te', 'vous')} répondons vite.`,
  ],
  greeting: { informal: () => 'Bonjour !', formal: () => 'Bonjour,' },
  signOff: {
    informal: (f) => `À bientôt,\nL'équipe ${f.name}`,
    formal: (f) => `Bien cordialement,\nL'équipe ${f.name}`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `${f.v('Connais-tu', 'Connaissez-vous')} ${f.product} ?` : null),
      (f) => (f.goal ? `${f.v('Tu cherches', 'Vous cherchez')} ${f.goal} ?` : null),
      (f) => (f.audience ? `Une question pour les ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `L'histoire de ${f.product}` : null),
      (f) => `Quelques mots de ${f.name}`,
      (f) => (f.product ? `Comment nous faisons ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 choses à savoir sur ${f.product}` : null),
      (f) => (f.product ? `${f.product} en bref` : null),
      (f) => `${f.name} en trois points`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, dès ${f.price}` : null),
      (f) => (f.product ? `Nouveau chez ${f.name} : ${f.product}` : null),
    ],
    tip: [
      (f) => (f.audience ? `Un conseil pour les ${f.audience}` : null),
      (f) => `Le conseil de la semaine de ${f.name}`,
    ],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `Et ce que cela change pour les ${f.audience}.` : null),
    () => 'Deux minutes, une bonne idée.',
    () => "L'essentiel, dans un e-mail court.",
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product}, de près` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} pour les ${f.audience}` : null),
      (f) => (f.product ? `${f.product} : ce qui fait la différence` : null),
      (f) => (f.product ? `Voici ${f.product}` : null),
      (f) => (f.product ? `Trois choses sur ${f.product}` : null),
      (f) => (f.product ? `${f.product} en 30 secondes` : null),
      (f) => (f.product ? `Pourquoi ${f.product} ?` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} et ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Conseil pour les ${f.audience} : ${f.goal}` : null),
      (f) => (f.goal ? `Comment obtenir ${f.goal}` : null),
      (f) => (f.goal ? `Astuce express : ${f.goal}` : null),
      (f) => (f.product ? `Tirer le meilleur de ${f.product}` : null),
      (f) => (f.audience ? `Une routine simple pour les ${f.audience}` : null),
      (f) => (f.product ? `${f.product} : mode d'emploi` : null),
      (f) => (f.pain ? `En finir avec ${bare(f.pain)}` : null),
      (f) => (f.goal ? `Trois étapes vers ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `En coulisses : ${f.product}` : null),
      (f) => (f.product ? `Comment naît ${f.product}` : null),
      (f) => `Une matinée chez ${f.name}`,
      (f) => (f.product ? `Les personnes derrière ${f.product}` : null),
      (f) => `Ce qu'on ne voit pas chez ${f.name}`,
      (f) => (f.product ? `De l'idée à ${f.product}` : null),
      (f) => `Notre façon de travailler chez ${f.name}`,
    ],
    stories: [
      (f) => (f.product ? `Témoignage : ${f.product}` : null),
      (f) => (f.audience ? `Pourquoi les ${f.audience} reviennent` : null),
      (f) => (f.product ? `${f.product} au quotidien` : null),
      (f) => (f.audience ? `Ce que nous racontent les ${f.audience}` : null),
      (f) => `Vos histoires avec ${f.name}`,
      (f) => (f.product ? `${f.product}, vu par nos clients` : null),
    ],
    offers: [
      (f) => (f.product ? `Nouveau : ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product}, dès ${f.price}` : null),
      (f) => (f.product ? `Chez ${f.name} : ${f.product}` : null),
      (f) => `Ce mois-ci chez ${f.name}`,
      (f) => (f.audience ? `Bonne nouvelle pour les ${f.audience}` : null),
      (f) => (f.product ? `${f.product} est arrivé` : null),
    ],
    community: [
      (f) => (f.audience ? `Question pour les ${f.audience}` : null),
      (f) => (f.goal ? `Votre avis : ${f.goal}` : null),
      (f) => (f.product ? `Dites-nous : avec quoi prenez-vous ${f.product} ?` : null),
      (f) => (f.audience ? `La parole aux ${f.audience}` : null),
      (f) => (f.goal ? `Sondage : ${f.goal}` : null),
      (f) => (f.audience ? `À vous de jouer, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name} : ${f.product}` : null),
      (f) => (f.product ? `${f.product} cette semaine` : null),
      (f) => `Des nouvelles de ${f.name}`,
    ],
  },
  notice: {
    hooks: [() => 'À noter :', (f) => `Une information de ${f.name} :`, () => 'Bon à savoir :'],
    closers: [
      (f) => `Merci de ${f.v('ta', 'votre')} compréhension.`,
      () => 'Merci de votre compréhension, et à bientôt !',
      (f) => `Au plaisir de ${f.v('te', 'vous')} revoir très vite.`,
    ],
    subject: (f) => `Information de ${f.name}`,
    keywords:
      /(?:fermé|fermeture|fermons|congés|vacances|jour férié|horaires|maintenance|avis|closed|closure)/iu,
  },
  smsOptOut: 'Répondez STOP pour vous désabonner.',
  labels: {
    hook: 'ACCROCHE',
    scene: 'SCÈNE',
    cta: "APPEL À L'ACTION",
    headline: 'Titre',
    intro: 'Introduction',
    section: 'H2',
    onScreen: "Texte à l'écran",
  },
  reelScenes: [
    (f) => `Gros plan sur ${f.product ?? f.name}`,
    (f) => (f.product ? `Des mains au travail : la fabrication de ${f.product}` : null),
    (f) => (f.audience ? `Une personne du public (${f.audience}) qui l'utilise, filmée naturellement` : null),
    (f) => `L'équipe de ${f.name}, prise sur le vif`,
    (f) => `Plan large de ${f.name}, puis on se rapproche doucement`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Pourquoi ${f.goal} compte pour les ${f.audience}` : null),
    (f) => (f.product ? `Ce qui rend ${f.product} différent` : null),
    () => 'Bien démarrer, étape par étape',
    (f) =>
      f.product ? `Les questions fréquentes sur ${f.product}` : `Les questions fréquentes chez ${f.name}`,
    () => 'Les erreurs à éviter',
    (f) => (f.audience ? `Ce que les ${f.audience} peuvent faire cette semaine` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, avec des ${f.audience} dans le cadre` : ''} ; lumière naturelle, marque ${f.name} visible.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Conseils',
    behindScenes: 'EnCoulisses',
    stories: 'Témoignages',
    offers: 'Nouveautés',
    community: 'Communauté',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Produit à la une',
      howTo: 'Conseils et tutoriels',
      behindScenes: 'En coulisses',
      stories: 'Témoignages clients',
      offers: 'Offres et nouveautés',
      community: 'Communauté',
    },
    pillarDescriptions: {
      spotlight: (f) => `Ce que propose ${f.product ?? f.name} et pour qui.`,
      howTo: (f) => `Des savoir-faire utiles pour les ${f.audience ?? 'clients'}.`,
      behindScenes: (f) => `Les personnes, le savoir-faire et les étapes derrière ${f.name}.`,
      stories: (f) => `Avis, résultats et moments de clients de ${f.name}, partagés avec leur accord.`,
      offers: (f) => `Lancements, offres et nouveautés${f.goal ? `, autour de ${f.goal}` : ''}.`,
      community: (f) =>
        `Questions, sondages et moments locaux qui font réagir les ${f.audience ?? 'abonnés'}.`,
    },
    customPillar: (pillar, f) => `Contenus « ${pillar} » pour les ${f.audience ?? 'clients'}.`,
    briefs: {
      spotlight: [
        (f) => `Présenter ${f.product ?? f.name} aux ${f.audience ?? 'clients'}. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `Un conseil pratique sur ${f.goal ?? 'notre offre'} pour les ${f.audience ?? 'clients'}, en montrant où ${f.product ?? f.name} aide.`,
      ],
      behindScenes: [
        (f) =>
          `Montrer comment l'équipe de ${f.name} fabrique ${f.product ?? 'ce que nous vendons'}, avec de vraies personnes et de vraies étapes.`,
      ],
      stories: [
        (f) =>
          `Un client parmi les ${f.audience ?? 'clients'} raconte ce que ${f.product ?? f.name} a changé pour lui (avec son accord).`,
      ],
      offers: [
        (f) =>
          `Ce qui est nouveau ou en offre avec ${f.product ?? f.name}, et pourquoi cela compte pour les ${f.audience ?? 'clients'}. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `Interroger les ${f.audience ?? 'clients'} sur ${f.goal ?? 'leur semaine'} et partager ensuite les meilleures réponses.`,
      ],
      general: [(f) => `Un contenu pour les ${f.audience ?? 'clients'}, autour de ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'Terminer en invitant à nous suivre.',
      traffic: 'Terminer par une raison de visiter le site.',
      leads: 'Terminer en invitant à une demande ou une inscription.',
      sales: 'Terminer en invitant à commander.',
      engagement: 'Terminer par une question qui appelle des réponses.',
    },
    objectiveNames: {
      awareness: 'notoriété',
      traffic: 'trafic',
      leads: 'prospects',
      sales: 'ventes',
      engagement: 'engagement',
    },
    perWeek: '/semaine',
    recommended: '(recommandé)',
    reasoning: (p) =>
      [
        `Plan hors ligne pour ${p.name} sur ${p.weeks} semaine(s) à partir du ${p.start}, objectif : ${p.objective}.`,
        p.proposed
          ? "Les piliers ont été proposés à partir de l'objectif, des produits et des publics du profil ; adaptez-les à votre image."
          : 'Les piliers sont ceux que vous avez indiqués, à parts égales.',
        `Fréquence : ${p.cadence}. Les fréquences recommandées se situent dans le bas de la fourchette conseillée par Hootsuite en 2023, adaptées à une petite équipe.`,
        `Les horaires sont locaux (${p.timeZone}) et suivent l'étude Sprout Social 2023 sur les meilleurs moments quand elle existe ; pour Threads, Bluesky, l'e-mail, le SMS et la fiche d'établissement, ce sont nos hypothèses. Règles des canaux version ${p.rulesVersion}.`,
        'Chaque public est différent : comparez les résultats après deux semaines et déplacez les créneaux moins performants.',
      ].join(' '),
  },
};
