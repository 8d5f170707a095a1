import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// Frases em português, neutras entre Portugal e o Brasil sempre que possível ("você" serve aos dois
// registos; o formal usa "o senhor/a senhora" raramente, por isso só muda o tom). Cada frase vale por si,
// para ser trocada se contiver uma palavra que a marca evita.

export const PT: PhraseBank = {
  language: 'pt',
  stopWords: (
    'o a os as um uma uns umas e ou mas é são era foi ser estar está estão de do da dos das ao à em no na ' +
    'nos nas se lhe com por para sem sobre entre como que quando onde muito mais menos não sim já também só seu ' +
    'sua seus suas meu minha nosso nossa nossos nossas este esta isto esse essa isso ele ela eles elas você ' +
    'vocês hoje semana novo nova escreva escrever explique explicar obrigado obrigada agradeça mostre ' +
    'partilhe compartilhe pergunte lembre convide termine publicação post cinco três dois um curto curta'
  ).split(' '),
  instruction:
    /^(?:por favor,?\s+)?(?:(?:escreva|escreve|redija|crie|cria|prepare|faça|faz)\s+(?:um|uma)?\s*(?:post|publicação|tweet|fio|e-mail|email|newsletter|texto|sms|mensagem|reel|vídeo|roteiro|guião|anúncio|story)\s*(?:curto|curta|breve)?\s*(?:sobre|de|para|anunciando|a anunciar|que)?\s*)?(?:(?:anuncie|promova|partilhe|compartilhe|apresente|destaque|lembre|conte|informe)\s+(?:(?:os|as|aos|nossos|nossas)?\s*(?:clientes|seguidores|assinantes|pessoas)\s+)?(?:que|sobre|de)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `${cap(f.pain)}? Nós ajudamos.` : null),
      (f) => (f.goal ? `Procura ${f.goal}?` : null),
      (f) => (f.product ? `Já experimentou ${f.product}?` : null),
      (f) => (f.goal ? `Quanto falta para ${f.goal}?` : null),
      () => `O que tornaria a sua semana um pouco mais fácil?`,
      (f) =>
        need(f.audience, f.product) ? `Uma pergunta para ${f.audience}: já conhecem ${f.product}?` : null,
    ],
    story: [
      (f) => `Uma pequena história de ${f.name}.`,
      (f) => (f.product ? `Foi assim que nasceu ${f.product}.` : null),
      (f) => `Começámos ${f.name} com uma ideia simples: fazer as coisas bem feitas.`,
      () => `Na semana passada perguntaram-nos porque fazemos as coisas assim.`,
      (f) => (need(f.product, f.audience) ? `Criámos ${f.product} a pensar em ${f.audience}.` : null),
      () => `Há coisas que merecem o seu tempo.`,
    ],
    list: [
      (f) => (f.product ? `Três razões para experimentar ${f.product}:` : null),
      (f) => (f.product ? `${f.product} em três pontos:` : null),
      (f) => `${f.name} em poucas palavras:`,
      (f) => (f.product ? `O que recebe com ${f.product}:` : null),
      (f) => (f.audience ? `Porque ${f.audience} escolhem ${f.name}:` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, a partir de ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `Bom saber: ${f.product} custa ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `${cap(f.price ?? '')} por ${f.product}. Eis o que inclui.` : null),
      (f) => (f.product ? `Já disponível em ${f.name}: ${f.product}.` : null),
      (f) => (f.product ? `${f.product} está à sua espera.` : null),
    ],
    tip: [
      (f) => (f.audience ? `Uma dica rápida para ${f.audience}.` : null),
      () => `A dica da semana.`,
      (f) => (f.goal ? `Uma ideia para chegar a ${f.goal} com menos esforço.` : null),
      () => `Pequena mudança, grande diferença.`,
      () => `Um truque que vale a pena copiar.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Apresentamos ${f.product}.` : null),
      (f) => (f.product ? `${f.product} é um dos nossos maiores orgulhos em ${f.name}.` : null),
      (f) => (f.product ? `Se só experimentar uma coisa de ${f.name}, que seja ${f.product}.` : null),
      () => `Isto merece um olhar mais atento.`,
    ],
    howTo: [
      () => `Escolha uma só coisa para mudar esta semana e mantenha tudo simples.`,
      (f) => (f.goal ? `O caminho mais curto para ${f.goal} costuma ser o mais simples.` : null),
      (f) => (f.product ? `Deixe ${f.product} fazer a parte mais pesada.` : null),
      () => `Prepara-se uma vez e aproveita-se todas as semanas.`,
      () => `Planear na véspera torna tudo o resto mais fácil.`,
    ],
    behindScenes: [
      () => `Nos bastidores há uma equipa pequena que cuida de cada detalhe.`,
      () => `Quase tudo o que fazemos acontece antes de alguém ver.`,
      (f) => (f.product ? `${f.product} passa por mais mãos e mais controlos do que imagina.` : null),
      () => `Sem atalhos: preferimos fazer bem a fazer depressa.`,
    ],
    stories: [
      (f) => (f.audience ? `O melhor é quando ${f.audience} voltam para mais.` : null),
      (f) => (f.product ? `Adoramos saber como usam ${f.product} no dia a dia.` : null),
      () => `As vossas histórias são a razão pela qual fazemos isto.`,
      (f) => `Tem uma história com ${f.name}? Adorávamos conhecê-la.`,
    ],
    offers: [
      () => `Já chegou, e está pronto.`,
      (f) => (f.product ? `${f.product} já está disponível.` : null),
      (f) => `Novidades de ${f.name}.`,
      () => `Estávamos ansiosos por partilhar isto.`,
    ],
    community: [
      () => `Diga-nos o que pensa: lemos todas as respostas.`,
      () => `Gostávamos muito de saber a sua opinião.`,
      (f) => (f.goal ? `Como seria ${f.goal} para si?` : null),
      () => `As vossas respostas decidem o que fazemos a seguir.`,
    ],
    general: [
      () => `Achamos que vai gostar.`,
      (f) => `Feito com cuidado pela equipa de ${f.name}.`,
      () => `Isto vale a pena saber.`,
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `O que é ${f.product}? ${f.benefit}` : null),
    (f) => (f.benefit ? `Em resumo? ${f.benefit}` : null),
    (f) => (f.benefit ? `Nós explicamos. ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Mais um dado. ${f.proof}` : null),
    (f) => (f.proof ? `E há mais. ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Pensado para ${f.audience} que querem ${f.goal}.` : null),
    (f) => (f.audience ? `Feito a pensar em ${f.audience}.` : null),
    (f) => (f.audience ? `Boas notícias, sobretudo para ${f.audience}.` : null),
    (f) => (f.pain ? `Uma preocupação a menos: ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `A partir de ${f.price}.` : null),
    (f) => (f.price ? `Por ${f.price}.` : null),
    (f) => (f.price ? `Preço: ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, como sempre.` : null),
    (f) => (f.word ? `Sempre ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)}: é assim que trabalhamos.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `Desta vez: ${f.topic}.` : null),
    (f) => (f.topic ? `Hoje falamos de ${f.topic}.` : null),
    (f) => (f.topic ? `Em destaque: ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Garanta o seu', 'Encomende hoje', 'Dê-se um mimo'],
      formal: ['Encomende já', 'Faça a sua encomenda', 'Encomende online'],
    },
    event: {
      informal: ['Garanta o seu lugar', 'Junte-se a nós', 'Apareça'],
      formal: ['Inscreva-se', 'Reserve o seu lugar', 'Registe-se aqui'],
    },
    booking: {
      informal: ['Marque a sua hora', 'Escolha a hora que lhe der jeito', 'Reserve já'],
      formal: ['Marque uma reunião', 'Agende uma chamada', 'Marque uma consulta'],
    },
    learn: {
      informal: ['Dê uma olhadela', 'Saiba mais', 'Veja por si'],
      formal: ['Saiba mais', 'Continue a ler', 'Descubra mais'],
    },
  },
  linkInBio: 'link na bio',
  linkInProfile: 'link no nosso perfil',
  messageUs: [
    () => 'Dúvidas? Envie-nos uma mensagem.',
    () => 'Mande-nos uma mensagem e ajudamos.',
    (f) => `Escreva à equipa ${f.name} e respondemos em breve.`,
  ],
  greeting: { informal: () => 'Olá!', formal: () => 'Olá,' },
  signOff: {
    informal: (f) => `Um abraço,\nA equipa ${f.name}`,
    formal: (f) => `Com os melhores cumprimentos,\nA equipa ${f.name}`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `Já conhece ${f.product}?` : null),
      (f) => (f.goal ? `Procura ${f.goal}?` : null),
      (f) => (f.audience ? `Uma pergunta para ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `A história por trás de ${f.product}` : null),
      (f) => `Umas linhas de ${f.name}`,
      (f) => (f.product ? `Como fazemos ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 coisas sobre ${f.product}` : null),
      (f) => (f.product ? `${f.product} em poucas palavras` : null),
      (f) => `${f.name} em três pontos`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, desde ${f.price}` : null),
      (f) => (f.product ? `Novidade em ${f.name}: ${f.product}` : null),
    ],
    tip: [(f) => (f.audience ? `Uma dica para ${f.audience}` : null), (f) => `A dica da semana de ${f.name}`],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `E o que isso muda para ${f.audience}.` : null),
    () => 'Dois minutos, uma boa ideia.',
    () => 'O essencial, num e-mail curto.',
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product}, de perto` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} para ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: o que o torna diferente` : null),
      (f) => (f.product ? `Apresentamos ${f.product}` : null),
      (f) => (f.product ? `Três coisas sobre ${f.product}` : null),
      (f) => (f.product ? `${f.product} em 30 segundos` : null),
      (f) => (f.product ? `Porquê ${f.product}?` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} e ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Dica para ${f.audience}: ${f.goal}` : null),
      (f) => (f.goal ? `Como conseguir ${f.goal}` : null),
      (f) => (f.goal ? `Ideia rápida: ${f.goal}` : null),
      (f) => (f.product ? `Tirar mais partido de ${f.product}` : null),
      (f) => (f.audience ? `Uma rotina simples para ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: guia rápido` : null),
      (f) => (f.pain ? `Adeus a ${bare(f.pain)}` : null),
      (f) => (f.goal ? `Três passos para ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `Nos bastidores: ${f.product}` : null),
      (f) => (f.product ? `Como nasce ${f.product}` : null),
      (f) => `Uma manhã em ${f.name}`,
      (f) => (f.product ? `As pessoas por trás de ${f.product}` : null),
      (f) => `O que não se vê em ${f.name}`,
      (f) => (f.product ? `Da ideia a ${f.product}` : null),
      (f) => `Como trabalhamos em ${f.name}`,
    ],
    stories: [
      (f) => (f.product ? `História de cliente: ${f.product}` : null),
      (f) => (f.audience ? `Porque ${f.audience} voltam` : null),
      (f) => (f.product ? `${f.product} no dia a dia` : null),
      (f) => (f.audience ? `O que ${f.audience} nos contam` : null),
      (f) => `As vossas histórias com ${f.name}`,
      (f) => (f.product ? `${f.product}, segundo os nossos clientes` : null),
    ],
    offers: [
      (f) => (f.product ? `Novidade: ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product}, desde ${f.price}` : null),
      (f) => (f.product ? `Já em ${f.name}: ${f.product}` : null),
      (f) => `Este mês em ${f.name}`,
      (f) => (f.audience ? `Boas notícias para ${f.audience}` : null),
      (f) => (f.product ? `${f.product} chegou` : null),
    ],
    community: [
      (f) => (f.audience ? `Pergunta para ${f.audience}` : null),
      (f) => (f.goal ? `A vossa opinião: ${f.goal}` : null),
      (f) => (f.product ? `Digam-nos: com que acompanham ${f.product}?` : null),
      (f) => (f.audience ? `Queremos ouvir ${f.audience}` : null),
      (f) => (f.goal ? `Sondagem: ${f.goal}` : null),
      (f) => (f.audience ? `A palavra é vossa, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name}: ${f.product}` : null),
      (f) => (f.product ? `${f.product} esta semana` : null),
      (f) => `Novidades de ${f.name}`,
    ],
  },
  notice: {
    hooks: [() => 'Aviso:', (f) => `Uma atualização de ${f.name}:`, () => 'Para que saiba:'],
    closers: [
      () => 'Obrigado pela compreensão.',
      () => 'Obrigado pela compreensão, e até breve!',
      () => 'Esperamos por si no regresso.',
    ],
    subject: (f) => `Aviso de ${f.name}`,
    keywords:
      /(?:fechado|fechamos|encerrado|encerramos|encerramento|férias|feriado|horário|manutenção|aviso|closed|closure)/iu,
  },
  smsOptOut: 'Responda STOP para sair.',
  labels: {
    hook: 'GANCHO',
    scene: 'CENA',
    cta: 'APELO À AÇÃO',
    headline: 'Título',
    intro: 'Introdução',
    section: 'H2',
    onScreen: 'Texto no ecrã',
  },
  reelScenes: [
    (f) => `Grande plano de ${f.product ?? f.name}`,
    (f) => (f.product ? `Mãos a trabalhar: assim se faz ${f.product}` : null),
    (f) => (f.audience ? `Alguém do público (${f.audience}) a usar, filmado com naturalidade` : null),
    (f) => `A equipa de ${f.name}, apanhada no momento`,
    (f) => `Plano geral de ${f.name}, a aproximar devagar`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Porque ${f.goal} importa a ${f.audience}` : null),
    (f) => (f.product ? `O que torna ${f.product} diferente` : null),
    () => 'Como começar, passo a passo',
    (f) => (f.product ? `Perguntas frequentes sobre ${f.product}` : `Perguntas frequentes em ${f.name}`),
    () => 'Erros a evitar',
    (f) => (f.audience ? `O que ${f.audience} podem fazer esta semana` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, com ${f.audience} no enquadramento` : ''}; luz natural, marca ${f.name} visível.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Dicas',
    behindScenes: 'Bastidores',
    stories: 'HistoriasDeClientes',
    offers: 'Novidades',
    community: 'Comunidade',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Produto em destaque',
      howTo: 'Dicas e guias',
      behindScenes: 'Bastidores',
      stories: 'Histórias de clientes',
      offers: 'Ofertas e novidades',
      community: 'Comunidade',
    },
    pillarDescriptions: {
      spotlight: (f) => `O que ${f.product ?? f.name} oferece e para quem.`,
      howTo: (f) => `Saber útil para ${f.audience ?? 'os nossos clientes'}.`,
      behindScenes: (f) => `As pessoas, o ofício e o processo por trás de ${f.name}.`,
      stories: (f) =>
        `Avaliações, resultados e momentos de clientes de ${f.name}, partilhados com autorização.`,
      offers: (f) => `Lançamentos, ofertas e novidades${f.goal ? `, ligados a ${f.goal}` : ''}.`,
      community: (f) =>
        `Perguntas, sondagens e momentos locais que põem ${f.audience ?? 'os seguidores'} a conversar.`,
    },
    customPillar: (pillar, f) => `Conteúdo de ${pillar} para ${f.audience ?? 'o nosso público'}.`,
    briefs: {
      spotlight: [
        (f) => `Mostrar ${f.product ?? f.name} a ${f.audience ?? 'os nossos clientes'}. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `Uma dica prática sobre ${f.goal ?? 'o nosso serviço'} para ${f.audience ?? 'os nossos clientes'}, mostrando onde ${f.product ?? f.name} ajuda.`,
      ],
      behindScenes: [
        (f) =>
          `Como a equipa de ${f.name} faz ${f.product ?? 'o seu trabalho'}, com pessoas e processos reais.`,
      ],
      stories: [
        (f) =>
          `Alguém entre ${f.audience ?? 'os nossos clientes'} conta o que ${f.product ?? f.name} mudou (com autorização).`,
      ],
      offers: [
        (f) =>
          `O que há de novo ou em promoção com ${f.product ?? f.name} e porque importa a ${f.audience ?? 'os nossos clientes'}. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `Perguntar a ${f.audience ?? 'os nossos clientes'} sobre ${f.goal ?? 'a sua semana'} e partilhar depois as melhores respostas.`,
      ],
      general: [(f) => `Uma peça para ${f.audience ?? 'os nossos clientes'} com ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'Terminar com um convite para nos seguirem.',
      traffic: 'Terminar com um motivo para visitar o site.',
      leads: 'Terminar com um convite a pedir informações ou a inscrever-se.',
      sales: 'Terminar a pedir a encomenda.',
      engagement: 'Terminar com uma pergunta que convide a responder.',
    },
    objectiveNames: {
      awareness: 'notoriedade',
      traffic: 'tráfego',
      leads: 'contactos',
      sales: 'vendas',
      engagement: 'interação',
    },
    perWeek: '/semana',
    recommended: '(recomendado)',
    reasoning: (p) =>
      [
        `Plano offline para ${p.name}: ${p.weeks} semana(s) a partir de ${p.start}, objetivo: ${p.objective}.`,
        p.proposed
          ? 'Os pilares foram propostos a partir do objetivo, dos produtos e dos públicos do perfil; ajuste-os à sua medida.'
          : 'Os pilares são os indicados, com pesos iguais.',
        `Frequência: ${p.cadence}. As frequências recomendadas ficam no limite inferior das orientações da Hootsuite de 2023, pensadas para uma equipa pequena.`,
        `Os horários são locais de ${p.timeZone} e seguem o estudo de melhores horários da Sprout Social de 2023 quando existe; para Threads, Bluesky, e-mail, SMS e o Perfil da Empresa são suposições nossas. Regras dos canais versão ${p.rulesVersion}.`,
        'Cada público é diferente: compare resultados ao fim de duas semanas e mude os horários que rendem menos.',
      ].join(' '),
  },
};
