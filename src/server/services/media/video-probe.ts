import { execFile } from 'node:child_process';
import type { VideoFacts } from '#shared/media.schema.js';

/** What ffprobe says about a video: its displayed size and the facts networks have rules about. */
export interface VideoProbe {
  width: number | null;
  height: number | null;
  facts: VideoFacts;
}

/** Why a video could not be probed: ffprobe is not installed, or the file is not a video it can read. */
export class VideoProbeError extends Error {
  constructor(
    readonly reason: 'missing_ffprobe' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'VideoProbeError';
  }
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  tags?: { rotate?: string };
  side_data_list?: Array<{ rotation?: number }>;
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string; bit_rate?: string };
}

/**
 * Read a video's duration, size and codecs with `ffprobe` (Debian's ffmpeg package), as JSON. It runs as
 * a child process with a deadline, reading only the container and stream headers.
 */
export function probeVideo(
  file: string,
  options: { ffprobe?: string; timeoutMs?: number } = {},
): Promise<VideoProbe> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', file];
  return new Promise((resolve, reject) => {
    execFile(
      options.ffprobe ?? 'ffprobe',
      args,
      { timeout: options.timeoutMs ?? 15_000, maxBuffer: 1024 * 1024, killSignal: 'SIGKILL' },
      (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new VideoProbeError('missing_ffprobe', 'ffprobe is not installed on the server'));
          return;
        }
        if (error) {
          reject(new VideoProbeError('unreadable', 'ffprobe could not read the video'));
          return;
        }
        try {
          resolve(videoProbeFrom(JSON.parse(stdout) as FfprobeOutput));
        } catch {
          reject(new VideoProbeError('unreadable', 'ffprobe gave no usable answer'));
        }
      },
    );
  });
}

/** The facts in ffprobe's JSON; a file without a video stream is not a video. */
export function videoProbeFrom(output: FfprobeOutput): VideoProbe {
  const video = output.streams?.find((stream) => stream.codec_type === 'video');
  if (!video) throw new VideoProbeError('unreadable', 'The file has no video stream');
  const audio = output.streams?.find((stream) => stream.codec_type === 'audio');
  // Phones record portrait video as landscape frames with a rotation to apply; networks see it upright.
  const rotation = Number(
    video.side_data_list?.find((data) => data.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0,
  );
  const quarterTurn = Math.abs(rotation) % 180 === 90;
  const width = video.width ?? null;
  const height = video.height ?? null;
  const duration = Number(output.format?.duration);
  const bitRate = Number(output.format?.bit_rate);
  return {
    width: quarterTurn ? height : width,
    height: quarterTurn ? width : height,
    facts: {
      duration_seconds: Number.isFinite(duration) ? Math.round(duration * 1000) / 1000 : null,
      video_codec: video.codec_name ?? null,
      audio_codec: audio?.codec_name ?? null,
      frame_rate: frameRate(video.avg_frame_rate),
      bit_rate: Number.isFinite(bitRate) ? Math.round(bitRate) : null,
    },
  };
}

/** `30000/1001` → 29.97; `0/0` (unknown) → null. */
function frameRate(ratio: string | undefined): number | null {
  const [num, den] = (ratio ?? '').split('/').map(Number);
  if (!num || !den) return null;
  return Math.round((num / den) * 100) / 100;
}
