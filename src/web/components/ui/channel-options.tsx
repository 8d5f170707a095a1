import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { channelName } from '#web/lib/channel-name.js';

/** One `<option>` per channel of the registry, labelled with the network's name, for a channel select. */
export function ChannelOptions() {
  return (
    <>
      {CHANNEL_IDS.map((id) => (
        <option key={id} value={id}>
          {channelName(id)}
        </option>
      ))}
    </>
  );
}
