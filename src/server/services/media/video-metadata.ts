import { execFile } from 'node:child_process';

/** Why a video's metadata could not be removed: ffmpeg is not installed, or it could not read the file. */
export class VideoRemuxError extends Error {
  constructor(
    readonly reason: 'missing_ffmpeg' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'VideoRemuxError';
  }
}

/**
 * Copy a video to `target` without its metadata, losslessly: the container's tags (an iPhone's
 * `com.apple.quicktime.location.ISO6709`, the `©xyz` GPS position, camera make and model, creation
 * time, title), each stream's tags, chapters, and any stream that is neither picture nor sound (timed
 * metadata tracks, embedded cover art) are left out; the video and audio are copied bit for bit, not
 * encoded again. The display matrix that turns a phone's sideways recording upright is stream side data,
 * not a tag, and is kept.
 */
export function stripVideoMetadata(
  source: string,
  target: string,
  options: { container: 'mp4' | 'mov'; ffmpeg?: string; timeoutMs?: number },
): Promise<void> {
  const args = [
    ...['-nostdin', '-v', 'error', '-y', '-i', source],
    // `V`, not `v`: video streams that are not attached pictures (cover art can carry its own EXIF).
    ...['-map', '0:V', '-map', '0:a?'],
    ...['-map_metadata', '-1', '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1', '-map_chapters', '-1'],
    // No "encoder" tag of our own either.
    ...['-fflags', '+bitexact', '-c', 'copy', '-f', options.container, '--', target],
  ];
  return new Promise((resolve, reject) => {
    execFile(
      options.ffmpeg ?? 'ffmpeg',
      args,
      // A stream copy reads and writes the file once: two minutes are ample for the largest upload allowed.
      { timeout: options.timeoutMs ?? 120_000, maxBuffer: 1024 * 1024, killSignal: 'SIGKILL' },
      (error) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new VideoRemuxError('missing_ffmpeg', 'ffmpeg is not installed on the server'));
        } else if (error) {
          reject(new VideoRemuxError('unreadable', 'ffmpeg could not copy the video'));
        } else {
          resolve();
        }
      },
    );
  });
}
