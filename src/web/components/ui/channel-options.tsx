import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';

/** One `<option>` per channel of the registry, labelled with the network's name, for a channel select. */
export function ChannelOptions() {
  return (
    <>
      {CHANNEL_IDS.map((id) => (
        <option key={id} value={id}>
          {CHANNEL_RULES[id].name}
        </option>
      ))}
    </>
  );
}
