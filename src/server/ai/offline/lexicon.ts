// A small sentiment lexicon for customer messages in English, Spanish, French, German, Portuguese and
// Italian: enough to sort an inbox, not to read irony. Words are lower-case; stems end with '*'.

function wordSet(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/u).filter(Boolean));
}

/** Words that make a message warmer. */
export const POSITIVE_WORDS = wordSet(`
  love loved loving lovely great amazing awesome excellent good nice best perfect delicious happy thanks
  thank wonderful fantastic beautiful friendly recommend recommended brilliant helpful tasty yummy superb
  glad pleased impressed favourite favorite enjoy enjoyed outstanding incredible kind quick fast fresh
  bueno buena buenísimo excelente genial gracias encanta encantó delicioso rico perfecto maravilloso
  super génial délicieux bon bonne merci parfait magnifique adore adoré excellent
  gut toll danke lecker perfekt wunderbar klasse prima schön
  bom boa ótimo ótima obrigado obrigada adoro delicioso perfeito maravilhoso
  buono buona ottimo ottima grazie delizioso perfetto fantastico bellissimo
`);

/** Words that make a message colder. */
export const NEGATIVE_WORDS = wordSet(`
  bad terrible awful worst horrible broken late rude disappointed disappointing stale wrong missing
  refund angry poor slow dirty damaged hate hated useless scam problem issue complaint unacceptable sick
  cold burnt mouldy moldy overpriced waiting waited lost cancel cancelled canceled faulty annoyed upset
  malo mala terrible horrible peor roto rota tarde nunca reembolso queja decepcionado fatal
  mauvais mauvaise nul horrible pire cassé retard remboursement plainte déçu
  schlecht schrecklich kaputt spät enttäuscht beschwerde rückerstattung furchtbar
  ruim péssimo horrível quebrado atrasado reembolso reclamação decepcionado
  cattivo pessimo rotto ritardo rimborso reclamo deluso orribile
`);

/** Words that flip the polarity of what follows within a few words: "not good". */
export const NEGATORS = wordSet(`
  not no never nothing hardly don't didn't doesn't isn't wasn't aren't weren't won't can't cannot
  dont didnt doesnt isnt wasnt nunca pas jamais nicht kein keine nie não non mai
`);

/** Words that strengthen what follows: "very good". */
export const INTENSIFIERS = wordSet(`
  very really so extremely super absolutely totally incredibly truly too such muy muito molto très
  vraiment sehr wirklich
`);

/** Emoji with a clear feeling. */
export const POSITIVE_EMOJI = [
  '😀',
  '😃',
  '😄',
  '😁',
  '😊',
  '😍',
  '🥰',
  '❤',
  '💕',
  '👍',
  '🙏',
  '🎉',
  '😋',
  '💯',
  '🤩',
  '👏',
];
export const NEGATIVE_EMOJI = ['😡', '😠', '😤', '😞', '😢', '😭', '👎', '💔', '🤬', '😩', '🤮', '😒'];
