import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// Frases en español. Un tono cercano tutea; cualquier otro trata de usted (f.v('tú', 'usted')). Cada frase
// se sostiene sola, para poder cambiarla si contiene una palabra que la marca evita.

export const ES: PhraseBank = {
  language: 'es',
  stopWords: (
    'el la los las un una unos unas y o pero es son era fue ser estar está están de del al a en con por ' +
    'para sin sobre entre como que qué cuando cuándo donde dónde muy más menos no sí ya también solo su sus ' +
    'tu tus mi mis nuestro nuestra nuestros nuestras este esta esto estos estas ese esa lo le les se nos te ' +
    'hoy semana nuevo nueva escribe escribir explica explicar gracias agradece muestra comparte pregunta ' +
    'recuerda invita termina publicación post cinco tres dos uno corto corta'
  ).split(' '),
  instruction:
    /^(?:por favor,?\s+)?(?:(?:escribe|redacta|crea|prepara|haz)\s+(?:un|una|unos|unas)?\s*(?:post|publicación|tuit|hilo|correo|email|boletín|texto|sms|mensaje|reel|vídeo|video|guion|anuncio|historia)\s*(?:corto|corta|breve)?\s*(?:sobre|de|para|anunciando|que)?\s*)?(?:(?:anuncia|promociona|comparte|presenta|destaca|recuerda|cuenta|informa)\s+(?:a\s+)?(?:(?:los|las|nuestros|nuestras)?\s*(?:clientes|seguidores|suscriptores|gente)\s+)?(?:que|sobre|de)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `¿${cap(f.pain)}? ${f.v('Te', 'Le')} podemos echar una mano.` : null),
      (f) => (f.goal ? `¿${f.v('Buscas', 'Busca')} ${f.goal}?` : null),
      (f) => (f.product ? `¿Ya ${f.v('has probado', 'ha probado')} ${f.product}?` : null),
      (f) => (f.goal ? `¿Cuánto ${f.v('te', 'le')} falta para ${f.goal}?` : null),
      (f) => `¿Qué haría ${f.v('tu', 'su')} semana un poco más fácil?`,
      (f) => (need(f.audience, f.product) ? `Una pregunta para ${f.audience}: ¿conocen ${f.product}?` : null),
    ],
    story: [
      (f) => `Una pequeña historia desde ${f.name}.`,
      (f) => (f.product ? `Así nació ${f.product}.` : null),
      (f) => `Empezamos ${f.name} con una idea sencilla: hacer las cosas bien.`,
      () => `La semana pasada alguien nos preguntó por qué hacemos las cosas así.`,
      (f) => (need(f.product, f.audience) ? `Creamos ${f.product} pensando en ${f.audience}.` : null),
      () => `Hay cosas que merecen su tiempo.`,
    ],
    list: [
      (f) => (f.product ? `Tres motivos para probar ${f.product}:` : null),
      (f) => (f.product ? `${f.product} en tres puntos:` : null),
      (f) => `${f.name} en pocas palabras:`,
      (f) => (f.product ? `Lo que ${f.v('te llevas', 'se lleva')} con ${f.product}:` : null),
      (f) => (f.audience ? `Por qué ${f.audience} eligen ${f.name}:` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, desde ${f.price}.` : null),
      (f) =>
        need(f.product, f.price)
          ? `Para que lo ${f.v('sepas', 'sepa')}: ${f.product} cuesta ${f.price}.`
          : null,
      (f) =>
        need(f.product, f.price) ? `${cap(f.price ?? '')} por ${f.product}. Esto es lo que incluye.` : null,
      (f) => (f.product ? `Ya disponible en ${f.name}: ${f.product}.` : null),
      (f) => (f.product ? `${f.product} ya está listo para ${f.v('ti', 'usted')}.` : null),
    ],
    tip: [
      (f) => (f.audience ? `Un consejo rápido para ${f.audience}.` : null),
      () => `El consejo de la semana.`,
      (f) => (f.goal ? `Una idea para conseguir ${f.goal} con menos esfuerzo.` : null),
      () => `Un pequeño cambio, una gran diferencia.`,
      () => `Un truco que vale la pena copiar.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Os presentamos ${f.product}.` : null),
      (f) => (f.product ? `${f.product} es de lo que más orgullosos estamos en ${f.name}.` : null),
      (f) =>
        f.product ? `Si solo ${f.v('pruebas', 'prueba')} una cosa de ${f.name}, que sea ${f.product}.` : null,
      () => `Esto merece una mirada más de cerca.`,
    ],
    howTo: [
      (f) =>
        `${f.v('Elige', 'Elija')} una sola cosa para cambiar esta semana y ${f.v('mantenlo', 'manténgalo')} sencillo.`,
      (f) => (f.goal ? `El camino más corto hacia ${f.goal} suele ser el más sencillo.` : null),
      (f) => (f.product ? `${f.v('Deja', 'Deje')} que ${f.product} haga la parte pesada.` : null),
      () => `Se prepara una vez y se disfruta cada semana.`,
      () => `Planificarlo el día anterior lo hace todo más fácil.`,
    ],
    behindScenes: [
      () => `Detrás de todo hay un equipo pequeño que cuida cada detalle.`,
      () => `Casi todo lo que hacemos pasa antes de que nadie lo vea.`,
      (f) =>
        f.product
          ? `${f.product} pasa por más manos y más controles de lo que ${f.v('imaginas', 'imagina')}.`
          : null,
      () => `Sin atajos: preferimos hacerlo bien a hacerlo rápido.`,
    ],
    stories: [
      (f) => (f.audience ? `Lo mejor es cuando ${f.audience} vuelven a por más.` : null),
      (f) => (f.product ? `Nos encanta saber cómo usáis ${f.product} en el día a día.` : null),
      () => `Vuestras historias son la razón por la que hacemos esto.`,
      (f) => `¿${f.v('Tienes', 'Tiene')} una historia con ${f.name}? Nos encantaría conocerla.`,
    ],
    offers: [
      () => `Ya está aquí, y está listo.`,
      (f) => (f.product ? `${f.product} ya está disponible.` : null),
      (f) => `Novedades desde ${f.name}.`,
      () => `Teníamos muchas ganas de contaros esto.`,
    ],
    community: [
      (f) => `${f.v('Cuéntanos qué opinas', 'Cuéntenos qué opina')}: leemos todas las respuestas.`,
      (f) => `Nos encantaría saber de ${f.v('ti', 'usted')}.`,
      (f) => (f.goal ? `¿Cómo sería ${f.goal} para ${f.v('ti', 'usted')}?` : null),
      () => `Vuestras respuestas deciden lo que hacemos después.`,
    ],
    general: [
      (f) => `Creemos que esto ${f.v('te', 'le')} va a gustar.`,
      (f) => `Hecho con cariño por el equipo de ${f.name}.`,
      () => `Esto vale la pena saberlo.`,
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `¿Qué es ${f.product}? ${f.benefit}` : null),
    (f) => (f.benefit ? `¿En resumen? ${f.benefit}` : null),
    (f) => (f.benefit ? `${f.v('Te', 'Se')} lo contamos. ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Un dato más. ${f.proof}` : null),
    (f) => (f.proof ? `Y otra cosa. ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Pensado para ${f.audience} que quieren ${f.goal}.` : null),
    (f) => (f.audience ? `Hecho pensando en ${f.audience}.` : null),
    (f) => (f.audience ? `Buenas noticias, sobre todo para ${f.audience}.` : null),
    (f) => (f.pain ? `Una preocupación menos: ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `Desde ${f.price}.` : null),
    (f) => (f.price ? `Por ${f.price}.` : null),
    (f) => (f.price ? `Precio: ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, como siempre.` : null),
    (f) => (f.word ? `Siempre ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)}: así trabajamos.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `Esta vez: ${f.topic}.` : null),
    (f) => (f.topic ? `Hoy hablamos de ${f.topic}.` : null),
    (f) => (f.topic ? `En el centro: ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Pide el tuyo', 'Haz tu pedido hoy', 'Date un capricho'],
      formal: ['Haga su pedido', 'Pida ahora', 'Pedidos en línea'],
    },
    event: {
      informal: ['Reserva tu sitio', 'Únete', 'Ven a vernos'],
      formal: ['Inscríbase ahora', 'Reserve su plaza', 'Regístrese'],
    },
    booking: {
      informal: ['Reserva tu hora', 'Elige la hora que mejor te venga', 'Pide cita'],
      formal: ['Solicite una cita', 'Agende una llamada', 'Reserve una consulta'],
    },
    learn: {
      informal: ['Échale un vistazo', 'Descubre más', 'Compruébalo tú mismo'],
      formal: ['Más información', 'Siga leyendo', 'Descubra más'],
    },
  },
  linkInBio: 'enlace en la bio',
  linkInProfile: 'enlace en nuestro perfil',
  messageUs: [
    (f) => `¿Dudas? ${f.v('Escríbenos', 'Escríbanos')} un mensaje.`,
    (f) => `${f.v('Mándanos', 'Mándenos')} un mensaje y ${f.v('te', 'le')} ayudamos.`,
    (f) => `${f.v('Escribe', 'Escriba')} a ${f.name} y ${f.v('te', 'le')} respondemos.`,
  ],
  greeting: { informal: () => '¡Hola!', formal: () => 'Estimado cliente:' },
  signOff: {
    informal: (f) => `Un abrazo,\nEl equipo de ${f.name}`,
    formal: (f) => `Atentamente,\nEl equipo de ${f.name}`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `¿Ya ${f.v('conoces', 'conoce')} ${f.product}?` : null),
      (f) => (f.goal ? `¿${f.v('Buscas', 'Busca')} ${f.goal}?` : null),
      (f) => (f.audience ? `Una pregunta para ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `La historia detrás de ${f.product}` : null),
      (f) => `Unas líneas desde ${f.name}`,
      (f) => (f.product ? `Así hacemos ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 cosas sobre ${f.product}` : null),
      (f) => (f.product ? `${f.product}, en pocas palabras` : null),
      (f) => `${f.name} en tres puntos`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, desde ${f.price}` : null),
      (f) => (f.product ? `Novedad en ${f.name}: ${f.product}` : null),
    ],
    tip: [
      (f) => (f.audience ? `Un consejo para ${f.audience}` : null),
      (f) => `El consejo de la semana de ${f.name}`,
    ],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `Además: qué significa para ${f.audience}.` : null),
    () => 'Dos minutos, una buena idea.',
    (f) => `Todo lo que ${f.v('necesitas', 'necesita')} saber, en un correo corto.`,
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product}, de cerca` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} para ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: qué lo hace diferente` : null),
      (f) => (f.product ? `Os presentamos ${f.product}` : null),
      (f) => (f.product ? `Tres cosas sobre ${f.product}` : null),
      (f) => (f.product ? `${f.product} en 30 segundos` : null),
      (f) => (f.product ? `¿Por qué ${f.product}?` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} y ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Consejo para ${f.audience}: ${f.goal}` : null),
      (f) => (f.goal ? `Cómo conseguir ${f.goal}` : null),
      (f) => (f.goal ? `Idea rápida: ${f.goal}` : null),
      (f) => (f.product ? `Sácale más partido a ${f.product}` : null),
      (f) => (f.audience ? `Una rutina sencilla para ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: guía rápida` : null),
      (f) => (f.pain ? `Adiós a ${bare(f.pain)}` : null),
      (f) => (f.goal ? `Tres pasos hacia ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `Entre bastidores: ${f.product}` : null),
      (f) => (f.product ? `Así se hace ${f.product}` : null),
      (f) => `Una mañana en ${f.name}`,
      (f) => (f.product ? `Las personas detrás de ${f.product}` : null),
      (f) => `Lo que no se ve en ${f.name}`,
      (f) => (f.product ? `De la idea a ${f.product}` : null),
      (f) => `Así trabajamos en ${f.name}`,
    ],
    stories: [
      (f) => (f.product ? `Historia de cliente: ${f.product}` : null),
      (f) => (f.audience ? `Por qué vuelven ${f.audience}` : null),
      (f) => (f.product ? `${f.product} en el día a día` : null),
      (f) => (f.audience ? `Lo que nos cuentan ${f.audience}` : null),
      (f) => `Vuestras historias con ${f.name}`,
      (f) => (f.product ? `${f.product}, según nuestros clientes` : null),
    ],
    offers: [
      (f) => (f.product ? `Novedad: ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product}, desde ${f.price}` : null),
      (f) => (f.product ? `Ya en ${f.name}: ${f.product}` : null),
      (f) => `Este mes en ${f.name}`,
      (f) => (f.audience ? `Buenas noticias para ${f.audience}` : null),
      (f) => (f.product ? `${f.product} ya está aquí` : null),
    ],
    community: [
      (f) => (f.audience ? `Pregunta para ${f.audience}` : null),
      (f) => (f.goal ? `Vuestra opinión: ${f.goal}` : null),
      (f) => (f.product ? `Contadnos: ¿con qué acompañáis ${f.product}?` : null),
      (f) => (f.audience ? `Queremos escuchar a ${f.audience}` : null),
      (f) => (f.goal ? `Encuesta: ${f.goal}` : null),
      (f) => (f.audience ? `Os toca, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name}: ${f.product}` : null),
      (f) => (f.product ? `${f.product} esta semana` : null),
      (f) => `Novedades de ${f.name}`,
    ],
  },
  notice: {
    hooks: [
      () => 'Aviso importante:',
      (f) => `Una actualización de ${f.name}:`,
      (f) => `Para que lo ${f.v('tengas', 'tenga')} en cuenta:`,
    ],
    closers: [
      (f) => `Gracias por ${f.v('tu', 'su')} comprensión.`,
      () => 'Gracias por entenderlo, ¡hasta pronto!',
      (f) => `${f.v('Te', 'Le')} esperamos a la vuelta.`,
    ],
    subject: (f) => `Aviso de ${f.name}`,
    keywords: /(?:cerrado|cerramos|cierre|vacaciones|festivo|horario|mantenimiento|aviso|closed|closure)/iu,
  },
  smsOptOut: 'Responde STOP para darte de baja.',
  labels: {
    hook: 'GANCHO',
    scene: 'ESCENA',
    cta: 'LLAMADA A LA ACCIÓN',
    headline: 'Titular',
    intro: 'Introducción',
    section: 'H2',
    onScreen: 'Texto en pantalla',
  },
  reelScenes: [
    (f) => `Primer plano de ${f.product ?? f.name}`,
    (f) => (f.product ? `Manos trabajando: así se hace ${f.product}` : null),
    (f) => (f.audience ? `Alguien del público (${f.audience}) usándolo, grabado con naturalidad` : null),
    (f) => `El equipo de ${f.name}, en plena faena`,
    (f) => `Plano general de ${f.name} y acercamiento lento`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Por qué ${f.goal} importa a ${f.audience}` : null),
    (f) => (f.product ? `Qué hace diferente a ${f.product}` : null),
    () => 'Cómo empezar, paso a paso',
    (f) => (f.product ? `Preguntas frecuentes sobre ${f.product}` : `Preguntas frecuentes en ${f.name}`),
    () => 'Errores que conviene evitar',
    (f) => (f.audience ? `Qué pueden hacer ${f.audience} esta semana` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, con ${f.audience} en el encuadre` : ''}; luz natural, marca de ${f.name} visible.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Consejos',
    behindScenes: 'EntreBastidores',
    stories: 'HistoriasDeClientes',
    offers: 'Novedades',
    community: 'Comunidad',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Producto destacado',
      howTo: 'Consejos y guías',
      behindScenes: 'Entre bastidores',
      stories: 'Historias de clientes',
      offers: 'Ofertas y novedades',
      community: 'Comunidad',
    },
    pillarDescriptions: {
      spotlight: (f) => `Qué ofrece ${f.product ?? f.name} y para quién es.`,
      howTo: (f) => `Conocimiento útil para ${f.audience ?? 'nuestros clientes'}.`,
      behindScenes: (f) => `Las personas, el oficio y el proceso detrás de ${f.name}.`,
      stories: (f) => `Reseñas, resultados y momentos de clientes de ${f.name}, compartidos con permiso.`,
      offers: (f) => `Lanzamientos, ofertas y novedades${f.goal ? `, ligados a ${f.goal}` : ''}.`,
      community: (f) =>
        `Preguntas, encuestas y momentos locales que hacen hablar a ${f.audience ?? 'los seguidores'}.`,
    },
    customPillar: (pillar, f) => `Contenido de ${pillar} para ${f.audience ?? 'nuestro público'}.`,
    briefs: {
      spotlight: [
        (f) => `Mostrar ${f.product ?? f.name} a ${f.audience ?? 'nuestros clientes'}. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `Un consejo práctico sobre ${f.goal ?? 'nuestro servicio'} para ${f.audience ?? 'nuestros clientes'}, mostrando dónde ayuda ${f.product ?? f.name}.`,
      ],
      behindScenes: [
        (f) =>
          `Cómo el equipo de ${f.name} hace ${f.product ?? 'su trabajo'}, con personas y procesos reales.`,
      ],
      stories: [
        (f) =>
          `Alguien de ${f.audience ?? 'nuestros clientes'} cuenta qué cambió ${f.product ?? f.name} para él (con permiso).`,
      ],
      offers: [
        (f) =>
          `Qué hay de nuevo o en oferta con ${f.product ?? f.name} y por qué importa a ${f.audience ?? 'nuestros clientes'}. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `Preguntar a ${f.audience ?? 'nuestros clientes'} sobre ${f.goal ?? 'su semana'} y compartir después las mejores respuestas.`,
      ],
      general: [(f) => `Una pieza para ${f.audience ?? 'nuestros clientes'} con ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'Terminar invitando a seguirnos.',
      traffic: 'Terminar con un motivo para visitar la web.',
      leads: 'Terminar invitando a consultar o registrarse.',
      sales: 'Terminar pidiendo el pedido.',
      engagement: 'Terminar con una pregunta que invite a responder.',
    },
    objectiveNames: {
      awareness: 'notoriedad',
      traffic: 'tráfico',
      leads: 'contactos',
      sales: 'ventas',
      engagement: 'interacción',
    },
    perWeek: '/semana',
    recommended: '(recomendado)',
    reasoning: (p) =>
      [
        `Plan sin conexión para ${p.name}: ${p.weeks} semana(s) desde el ${p.start}, objetivo: ${p.objective}.`,
        p.proposed
          ? 'Los pilares se han propuesto a partir del objetivo, los productos y los públicos del perfil; ajústalos a tu gusto.'
          : 'Los pilares son los indicados, con el mismo peso.',
        `Frecuencia: ${p.cadence}. Las frecuencias recomendadas están en la parte baja de la guía de Hootsuite de 2023, pensadas para un equipo pequeño.`,
        `Las horas son locales de ${p.timeZone} y siguen el estudio de mejores horas de Sprout Social de 2023 cuando existe; para Threads, Bluesky, correo, SMS y el Perfil de Empresa son suposiciones nuestras. Reglas de canal versión ${p.rulesVersion}.`,
        'Cada público es distinto: compara resultados a las dos semanas y mueve las horas que rindan menos.',
      ].join(' '),
  },
};
