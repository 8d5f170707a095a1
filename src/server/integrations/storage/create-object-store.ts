import type { MediaStorageConfig } from '#server/config/config.js';
import { LocalObjectStore } from './local-store.js';
import type { ObjectStore } from './object-store.js';
import { S3ObjectStore } from './s3-store.js';

/** The store the configuration names: a directory by default, an S3-compatible bucket when set. */
export function createObjectStore(config: MediaStorageConfig): ObjectStore & { close?(): void } {
  return config.kind === 's3' ? new S3ObjectStore(config) : new LocalObjectStore(config.directory);
}
