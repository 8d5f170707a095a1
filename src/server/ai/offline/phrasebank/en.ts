import { bare, cap, need } from './helpers.js';
import type { PhraseBank } from './types.js';

// English phrase bank. Sentences are complete on their own so any of them can be dropped or swapped when it
// carries a word the brand avoids; contractions are added later for a casual voice.

export const EN: PhraseBank = {
  language: 'en',
  stopWords: (
    'a an and are as at be been but by can could do does for from get has have how i if in into is it its ' +
    'just me more most my no not now of on or our out so than that the their them then there these they ' +
    'this to too up us very was we were what when where which who why will with you your about all also ' +
    'any back been being come did each even every here let like make much need off only own please some ' +
    'such tell today week one two three five ten new explain thank show share ask remind invite end ' +
    'write post announce promote highlight mention include keep use'
  ).split(' '),
  instruction:
    /^(?:please\s+)?(?:(?:write|create|draft|make|prepare|give me)\s+(?:a|an|some|the)?\s*(?:short\s+|long\s+|quick\s+)?(?:post|tweet|thread|email|newsletter|caption|sms|text|message|reel|video|script|outline|ad|story)s?\s*(?:about|on|for|announcing|promoting|that)?\s*)?(?:(?:announce|promote|share|introduce|celebrate|highlight|feature|showcase|present|remind|tell|let)\s+(?:(?:people|customers|everyone|followers|subscribers|our customers)\s+)?(?:know\s+)?(?:about|of|that)?\s*)?/iu,
  hooks: {
    question: [
      (f) => (f.pain ? `${cap(f.pain)}? We can help with that.` : null),
      (f) => (f.goal ? `Looking for ${f.goal}?` : null),
      (f) => (f.product ? `Have you tried ${f.product} yet?` : null),
      (f) => (f.goal ? `How close are you to ${f.goal}?` : null),
      (f) => (need(f.audience, f.product) ? `${cap(f.audience ?? '')}, have you met ${f.product}?` : null),
      () => `What would make your week a little easier?`,
    ],
    story: [
      (f) => `A quick story from ${f.name}.`,
      (f) => (f.product ? `Here is how ${f.product} came to be.` : null),
      (f) => `We started ${f.name} with one simple idea: do it properly.`,
      () => `Someone asked us last week why we do things the way we do.`,
      (f) => (need(f.product, f.audience) ? `We built ${f.product} with ${f.audience} in mind.` : null),
      () => `Some things are worth taking your time over.`,
    ],
    list: [
      (f) => (f.product ? `Three reasons to try ${f.product}:` : null),
      (f) => (f.product ? `${f.product} in three points:` : null),
      (f) => `Quick facts about ${f.name}:`,
      (f) => (f.product ? `What you get with ${f.product}:` : null),
      (f) => (f.audience ? `Why ${f.audience} choose ${f.name}:` : null),
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, from ${f.price}.` : null),
      (f) => (need(f.product, f.price) ? `Good to know: ${f.product} costs ${f.price}.` : null),
      (f) =>
        need(f.product, f.price)
          ? `${cap(f.price ?? '')} for ${f.product}. Here is what that gets you.`
          : null,
      (f) => (f.product ? `Now available at ${f.name}: ${f.product}.` : null),
      (f) => (f.product ? `${f.product} is ready for you.` : null),
    ],
    tip: [
      (f) => (f.audience ? `A quick tip for ${f.audience}.` : null),
      () => `Tip of the week.`,
      (f) => (f.goal ? `One thing that makes ${f.goal} easier.` : null),
      () => `Small change, big difference.`,
      () => `Here is a trick worth stealing.`,
    ],
  },
  pillarLines: {
    spotlight: [
      (f) => (f.product ? `Meet ${f.product}.` : null),
      (f) => (f.product ? `${f.product} is one of the things we are proudest of at ${f.name}.` : null),
      (f) => (f.product ? `If you only try one thing from ${f.name}, make it ${f.product}.` : null),
      () => `This one deserves a closer look.`,
    ],
    howTo: [
      () => `Pick one thing to change this week and keep it simple.`,
      (f) => (f.goal ? `The quickest route to ${f.goal} is usually the simplest one.` : null),
      (f) => (f.product ? `Let ${f.product} do the heavy lifting.` : null),
      () => `Set it up once, then enjoy it every week.`,
      () => `Plan it the day before and the rest takes care of itself.`,
    ],
    behindScenes: [
      () => `Behind the scenes, it is a small team that cares about every detail.`,
      () => `Most of what we do happens before anyone sees it.`,
      (f) =>
        f.product ? `${f.product} goes through more hands and more checks than you might think.` : null,
      () => `No shortcuts: we would rather do it properly than quickly.`,
    ],
    stories: [
      (f) => (f.audience ? `The best thing we hear is when ${f.audience} come back for more.` : null),
      (f) => (f.product ? `We love hearing how people use ${f.product}.` : null),
      () => `Your stories are the reason we do this.`,
      (f) => `Got a ${f.name} story of your own? We would love to hear it.`,
    ],
    offers: [
      () => `It is here, and it is ready for you.`,
      (f) => (f.product ? `${f.product} is available now.` : null),
      (f) => `Fresh news from ${f.name}.`,
      () => `We have been looking forward to sharing this one.`,
    ],
    community: [
      () => `Tell us what you think: we read every answer.`,
      () => `We would love to hear from you.`,
      (f) => (f.goal ? `What does ${f.goal} look like for you?` : null),
      () => `Your answers shape what we do next.`,
    ],
    general: [
      () => `We think you will like this one.`,
      (f) => `Made with care by the ${f.name} team.`,
      () => `Here is something worth knowing.`,
    ],
  },
  benefitLines: [
    (f) => f.benefit,
    (f) => (need(f.product, f.benefit) ? `What is ${f.product}? ${f.benefit}` : null),
    (f) => (f.benefit ? `The short version? ${f.benefit}` : null),
    (f) => (f.benefit ? `Here is what we mean. ${f.benefit}` : null),
  ],
  proofLines: [
    (f) => f.proof,
    (f) => (f.proof ? `Worth knowing? ${f.proof}` : null),
    (f) => (f.proof ? `And one more thing. ${f.proof}` : null),
  ],
  audienceLines: [
    (f) => (need(f.audience, f.goal) ? `Made for ${f.audience} who want ${f.goal}.` : null),
    (f) => (f.audience ? `Built with ${f.audience} in mind.` : null),
    (f) => (f.audience ? `Especially good news for ${f.audience}.` : null),
    (f) => (f.pain ? `One less worry: ${f.pain}.` : null),
  ],
  priceLines: [
    (f) => (f.price ? `From ${f.price}.` : null),
    (f) => (f.price && !/^from\b/iu.test(f.price) ? `Yours for ${f.price}.` : null),
    (f) => (f.price ? `Price: ${f.price}.` : null),
  ],
  wordLines: [
    (f) => (f.word ? `${cap(f.word)}, as always.` : null),
    (f) => (f.word ? `Always ${f.word}.` : null),
    (f) => (f.word ? `${cap(f.word)}: that is simply how we work.` : null),
  ],
  topicLines: [
    (f) => (f.topic ? `This time: ${f.topic}.` : null),
    (f) => (f.topic ? `All about ${f.topic}.` : null),
    (f) => (f.topic ? `On our minds: ${f.topic}.` : null),
  ],
  ctas: {
    sale: {
      informal: ['Grab yours', 'Order yours today', 'Treat yourself'],
      formal: ['Order now', 'Place your order', 'Order online'],
    },
    event: {
      informal: ['Save your spot', 'Join us', 'Come along'],
      formal: ['Register now', 'Reserve your place', 'Sign up'],
    },
    booking: {
      informal: ['Book your slot', 'Book a time that suits you', 'Grab a slot'],
      formal: ['Book an appointment', 'Schedule a call', 'Book a consultation'],
    },
    learn: {
      informal: ['Take a look', 'Find out more', 'See for yourself'],
      formal: ['Learn more', 'Read more', 'Find out more'],
    },
  },
  linkInBio: 'link in bio',
  linkInProfile: 'link in our profile',
  messageUs: [
    () => 'Questions? Send us a message.',
    () => 'Drop us a message and we will help.',
    (f) => `Write to ${f.name} and we will get back to you.`,
  ],
  greeting: { informal: () => 'Hi there,', formal: () => 'Hello,' },
  signOff: {
    informal: (f) => `Cheers,\nThe ${f.name} team`,
    formal: (f) => `Kind regards,\nThe ${f.name} team`,
  },
  subjects: {
    question: [
      (f) => (f.product ? `Have you tried ${f.product}?` : null),
      (f) => (f.goal ? `Looking for ${f.goal}?` : null),
      (f) => (f.audience ? `A question for ${f.audience}` : null),
    ],
    story: [
      (f) => (f.product ? `The story behind ${f.product}` : null),
      (f) => `A note from ${f.name}`,
      (f) => (f.product ? `How we make ${f.product}` : null),
    ],
    list: [
      (f) => (f.product ? `3 things to know about ${f.product}` : null),
      (f) => (f.product ? `${f.product}: the quick facts` : null),
      (f) => `${f.name} in three points`,
    ],
    offer: [
      (f) => (need(f.product, f.price) ? `${f.product}, from ${f.price}` : null),
      (f) => (f.product ? `New at ${f.name}: ${f.product}` : null),
    ],
    tip: [(f) => (f.audience ? `A tip for ${f.audience}` : null), (f) => `This week's tip from ${f.name}`],
  },
  preheaders: [
    (f) => f.benefit,
    (f) => (f.audience ? `Plus: what it means for ${f.audience}.` : null),
    () => 'Two minutes, one good idea.',
    () => 'Everything you need to know, in one short email.',
  ],
  titles: {
    spotlight: [
      (f) => (f.product ? `${f.product}, up close` : null),
      (f) => (need(f.product, f.audience) ? `${f.product} for ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: what makes it different` : null),
      (f) => (f.product ? `Meet ${f.product}` : null),
      (f) => (f.product ? `Three things about ${f.product}` : null),
      (f) => (f.product ? `${f.product} in 30 seconds` : null),
      (f) => (f.product ? `The case for ${f.product}` : null),
      (f) => (need(f.product, f.goal) ? `${f.product} and ${f.goal}` : null),
    ],
    howTo: [
      (f) => (need(f.audience, f.goal) ? `Tip for ${f.audience}: ${f.goal}` : null),
      (f) => (f.goal ? `How to get ${f.goal}` : null),
      (f) => (f.goal ? `Quick win: ${f.goal}` : null),
      (f) => (f.product ? `Getting more from ${f.product}` : null),
      (f) => (f.audience ? `A simple routine for ${f.audience}` : null),
      (f) => (f.product ? `${f.product}: a small how-to` : null),
      (f) => (f.pain ? `Less ${bare(f.pain)}, step by step` : null),
      (f) => (f.goal ? `Three steps to ${f.goal}` : null),
    ],
    behindScenes: [
      (f) => (f.product ? `Behind the scenes: ${f.product}` : null),
      (f) => (f.product ? `How ${f.product} is made` : null),
      (f) => `A morning at ${f.name}`,
      (f) => (f.product ? `The people behind ${f.product}` : null),
      (f) => `What you do not see at ${f.name}`,
      (f) => (f.product ? `From idea to ${f.product}` : null),
      (f) => `The ${f.name} way of working`,
    ],
    stories: [
      (f) => (f.product ? `Customer story: ${f.product}` : null),
      (f) => (f.audience ? `Why ${f.audience} come back` : null),
      (f) => (f.product ? `${f.product} in real life` : null),
      (f) => (f.audience ? `What ${f.audience} tell us` : null),
      (f) => `Your ${f.name} stories`,
      (f) => (f.product ? `${f.product}, as our customers see it` : null),
    ],
    offers: [
      (f) => (f.product ? `News: ${f.product}` : null),
      (f) => (need(f.product, f.price) ? `${f.product}, from ${f.price}` : null),
      (f) => (f.product ? `Now at ${f.name}: ${f.product}` : null),
      (f) => `This month at ${f.name}`,
      (f) => (f.audience ? `Good news for ${f.audience}` : null),
      (f) => (f.product ? `${f.product} is ready` : null),
    ],
    community: [
      (f) => (f.audience ? `Question for ${f.audience}` : null),
      (f) => (f.goal ? `Your take on ${f.goal}` : null),
      (f) => (f.product ? `Tell us: what do you pair with ${f.product}?` : null),
      (f) => (f.audience ? `We want to hear from ${f.audience}` : null),
      (f) => (f.goal ? `Poll: ${f.goal}` : null),
      (f) => (f.audience ? `Over to you, ${f.audience}` : null),
    ],
    general: [
      (f) => (f.product ? `${f.name}: ${f.product}` : null),
      (f) => (f.product ? `${f.product} this week` : null),
      (f) => `News from ${f.name}`,
    ],
  },
  notice: {
    hooks: [() => 'Please note:', (f) => `A quick update from ${f.name}:`, () => 'Good to know:'],
    closers: [
      () => 'Thank you for your understanding.',
      () => 'Thanks for understanding, and see you soon.',
      () => 'We look forward to seeing you again.',
    ],
    subject: (f) => `An update from ${f.name}`,
    keywords:
      /\b(?:closed|closure|closing|holiday hours|opening hours|reduced hours|notice|shut|out of office|maintenance|downtime)\b/iu,
  },
  smsOptOut: 'Reply STOP to opt out.',
  labels: {
    hook: 'HOOK',
    scene: 'SCENE',
    cta: 'CTA',
    headline: 'Headline',
    intro: 'Intro',
    section: 'H2',
    onScreen: 'On-screen text',
  },
  reelScenes: [
    (f) => `Close-up of ${f.product ?? f.name}`,
    (f) => (f.product ? `Hands at work: how ${f.product} comes together` : null),
    (f) => (f.audience ? `Someone from ${f.audience} using it, filmed naturally` : null),
    (f) => `The ${f.name} team, caught in the moment`,
    (f) => `Wide shot of ${f.name}, then slowly closer`,
  ],
  blogSections: [
    (f) => (need(f.goal, f.audience) ? `Why ${f.goal} matters to ${f.audience}` : null),
    (f) => (f.product ? `What makes ${f.product} different` : null),
    () => 'How to get started, step by step',
    (f) => (f.product ? `Questions we hear about ${f.product}` : `Questions we hear at ${f.name}`),
    () => 'Mistakes to avoid',
    (f) => (f.audience ? `What ${f.audience} can do this week` : null),
  ],
  mediaBrief: (f) =>
    `${f.product ?? f.name}${f.audience ? `, with ${f.audience} in the frame` : ''}; natural light, ${f.name} branding visible.`,
  pillarTags: {
    spotlight: null,
    howTo: 'Tips',
    behindScenes: 'BehindTheScenes',
    stories: 'CustomerStories',
    offers: 'News',
    community: 'Community',
    general: null,
  },
  plan: {
    pillarNames: {
      spotlight: 'Product spotlight',
      howTo: 'Tips and how-tos',
      behindScenes: 'Behind the scenes',
      stories: 'Customer stories',
      offers: 'Offers and news',
      community: 'Community',
    },
    pillarDescriptions: {
      spotlight: (f) => `What ${f.product ?? f.name} offers and who it is for.`,
      howTo: (f) => `Useful know-how for ${f.audience ?? 'customers'}.`,
      behindScenes: (f) => `The people, craft and process behind ${f.name}.`,
      stories: (f) => `Reviews, results and moments from ${f.name} customers, shared with permission.`,
      offers: (f) => `Launches, offers and news${f.goal ? `, tied to ${f.goal}` : ''}.`,
      community: (f) => `Questions, polls and local moments that get ${f.audience ?? 'followers'} talking.`,
    },
    customPillar: (pillar, f) => `${pillar} content for ${f.audience ?? 'our audience'}.`,
    briefs: {
      spotlight: [
        (f) => `Show ${f.product ?? f.name} to ${f.audience ?? 'our customers'}. ${f.benefit ?? ''}`,
      ],
      howTo: [
        (f) =>
          `One practical tip on ${f.goal ?? 'getting more from us'} for ${f.audience ?? 'our customers'}, showing where ${f.product ?? f.name} helps.`,
      ],
      behindScenes: [
        (f) => `How the ${f.name} team makes ${f.product ?? 'what we sell'}, with real people and process.`,
      ],
      stories: [
        (f) =>
          `A customer among ${f.audience ?? 'our customers'} on what ${f.product ?? f.name} changed for them (with permission).`,
      ],
      offers: [
        (f) =>
          `What is new or on offer with ${f.product ?? f.name}, and why it matters to ${f.audience ?? 'our customers'}. ${f.benefit ?? ''}`,
      ],
      community: [
        (f) =>
          `Ask ${f.audience ?? 'our customers'} about ${f.goal ?? 'their week'} and share the best answers later.`,
      ],
      general: [(f) => `A piece for ${f.audience ?? 'our customers'}, featuring ${f.product ?? f.name}.`],
    },
    asks: {
      awareness: 'End by inviting people to follow along.',
      traffic: 'End with a reason to visit the website.',
      leads: 'End by inviting an enquiry or sign-up.',
      sales: 'End by asking for the order.',
      engagement: 'End with a question that invites replies.',
    },
    objectiveNames: {
      awareness: 'awareness',
      traffic: 'traffic',
      leads: 'leads',
      sales: 'sales',
      engagement: 'engagement',
    },
    perWeek: '/week',
    recommended: '(recommended)',
    reasoning: (p) =>
      [
        `Offline plan for ${p.name} over ${p.weeks} week(s) from ${p.start}, objective: ${p.objective}.`,
        p.proposed
          ? 'Pillars were proposed from the objective, the products and the audiences in the profile; edit them to match your own.'
          : 'Pillars are the ones you gave, with equal shares.',
        `Cadence: ${p.cadence}. Recommended cadences sit at the low end of Hootsuite's 2023 guidance, sized for a small team.`,
        `Times are local to ${p.timeZone} and follow Sprout Social's 2023 best-times study where one exists (mid-week mornings for most networks, afternoons for TikTok); Threads, Bluesky, email, SMS and Business Profile times are our assumptions. Channel rules version ${p.rulesVersion}.`,
        'Every audience differs: compare results after two weeks and move the slots that underperform.',
      ].join(' '),
  },
};
