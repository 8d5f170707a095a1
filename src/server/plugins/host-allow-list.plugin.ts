import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Answer whatever the Host header says: probes and scrapers address a pod or container by its IP
     * (`/healthz`, `/readyz`, `/metrics`).
     */
    anyHost?: boolean;
  }
}

export interface HostAllowListOptions {
  /** Host names (`mcc.example.com`) and wildcards (`*.example.com`); undefined: any host. */
  allowedHosts: string[] | undefined;
}

/**
 * Whether `hostname` (no port) is on the list. A `*.example.com` entry matches its subdomains, not
 * `example.com` itself.
 *
 * @example
 * isAllowedHost('app.example.com', ['*.example.com']); // true
 */
export function isAllowedHost(hostname: string, allowed: string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}

const hostAllowListPluginImpl: FastifyPluginAsync<HostAllowListOptions> = async (app, { allowedHosts }) => {
  if (!allowedHosts) return;
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.anyHost) return;
    // Fastify reads the name from Host, or from X-Forwarded-Host when the sender is a trusted proxy.
    if (isAllowedHost(request.hostname ?? '', allowedHosts)) return;
    throw new AppError('validation_failed', 'This server does not answer for that host name', {
      errors: [
        { path: 'headers.host', message: 'Not one of the hosts this server answers for', code: 'host' },
      ],
    });
  });
};

/**
 * The Host allow-list (production: PUBLIC_URL's host plus ALLOWED_HOSTS): a request naming another host
 * answers a 400 problem, so a forged Host cannot reach the app through a DNS name pointed at it
 * (rebinding) or poison what is built from it. Routes with `config.anyHost` are exempt.
 */
export const hostAllowListPlugin = fp(hostAllowListPluginImpl, {
  name: 'mcc-host-allow-list',
  fastify: '5.x',
});
