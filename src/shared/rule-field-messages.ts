/**
 * The field messages the server's rules write (a campaign that is not in the workspace, a time already
 * past, a file that cannot be read), where the shared schemas' come from zod. Like those, each is a key of
 * the web app's catalogue of field messages (`src/web/locales/<language>/validation.json`), so a form
 * shows it in the reader's language; `test/architecture/validation-messages.test.ts` holds the catalogue
 * to this list as to the schemas. A `{{name}}` is filled by `ruleFieldMessage`.
 */
export const RULE_FIELD_MESSAGES = {
  // Content and campaigns
  campaignNotFound: 'No such campaign in this workspace',
  campaignDates: 'The campaign runs {{start}} to {{end}}',
  outsideCampaign: 'The campaign runs from {{start}} to {{end}}; pick dates that overlap it',
  pickPublishingTime: 'Pick a time to publish',
  publishingTimePast: 'The publishing time must be in the future',
  scheduledAtWithoutScheduling: 'Only scheduling takes a scheduled_at',
  sendBackComment: 'Say what to change when sending an item back',
  writeBeforeReview: 'Write the text before submitting it for review',
  commentNotFound: 'No such comment on this item',
  notAMember: 'Not a member of this workspace',
  nothingToRestore: 'No deleted item to restore',
  itemNotFound: 'No such content item',
  /** After the network's name: "Threads: write the text first". */
  writeTextFirst: 'write the text first',
  exportRangeTooLarge: 'Too many items in this range',
  // Imports (CSV rows, a message history)
  csvColumnsMissing: 'Missing from the header row: {{columns}}',
  csvEmpty: 'No rows to import',
  csvTooManyRows: 'At most {{max}} rows per import',
  nameTheItem: 'Name the item by content_item_id, link or title',
  notAnItemId: 'Not a content item id',
  itemNotInWorkspace: 'No such content item in this workspace',
  sameItemAndDay: 'The same item and day as line {{line}}',
  noItemAtLink: 'Nothing in this workspace was published at this link',
  itemsAtLink: '{{count}} items were published at this link; name the item by content_item_id',
  noItemWithTitle: 'No item in this workspace has this title',
  itemsWithTitle: '{{count}} items have this title; name the item by its link or content_item_id',
  resultsInFuture: 'Results cannot be dated in the future (today is {{today}} in the workspace’s time zone)',
  sameMessage: 'The same message as {{first}}',
  // Forecasts
  benchmarkNotInModel: '{{channel}} has no {{metric}} in this model',
  // Inbox
  snoozeInFuture: 'Pick a time in the future',
  // Media
  attachFile: 'Attach a file',
  imageUnreadable: 'The image could not be read',
  videoUnreadable: 'The video could not be read',
  // Channels
  pickListedAccount: 'Pick one of the accounts listed',
  notThatNetwork: 'It is not a {{network}} account',
  connectWithForm: '{{network}} accounts are connected with the form on the channels page',
  reconnectThroughNetwork:
    'Reconnect it through {{network}}’s authorization page (Settings → Channels → Reconnect)',
  networkFields: 'Give the fields {{network}} accounts are connected with',
  // Accounts and members
  currentPasswordWrong: 'Your current password is not correct',
  emailTaken: 'An account with this email already exists',
  alreadyMember: 'This person is already a member',
  invitedAddress: 'Sign up with the address the invitation was sent to: {{email}}',
  lastSecondFactor: 'This is your last second factor: enter a recovery code to turn two-factor sign-in off',
  passkeyNotVerified: 'That passkey could not be verified',
  unsubscribeLinkInvalid: 'This unsubscribe link is not valid; change your email choices in the app instead',
  // Lists
  cursorInvalid: 'Use the next_cursor of the previous page',
  // Any request (the validation of its shape, src/server/plugins/problem-details.ts)
  required: 'Required',
  unknownField: 'Unknown field',
} as const;

export type RuleFieldMessage = keyof typeof RULE_FIELD_MESSAGES;

type PlaceholdersOf<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

type ValuesOf<K extends RuleFieldMessage> = [PlaceholdersOf<(typeof RULE_FIELD_MESSAGES)[K]>] extends [never]
  ? []
  : [values: Record<PlaceholdersOf<(typeof RULE_FIELD_MESSAGES)[K]>, string>];

/**
 * One of the messages above, its placeholders filled.
 * @example ruleFieldMessage('notThatNetwork', { network: 'Mastodon' }) // 'It is not a Mastodon account'
 */
export function ruleFieldMessage<K extends RuleFieldMessage>(key: K, ...[values]: ValuesOf<K>): string {
  const template: string = RULE_FIELD_MESSAGES[key];
  if (!values) return template;
  return template.replace(
    /\{\{(\w+)\}\}/g,
    (_, name: string) => (values as Record<string, string>)[name] ?? '',
  );
}
