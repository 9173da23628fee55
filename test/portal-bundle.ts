import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '@server/http/web.ts';

export type BundleFile = { file: string; content: Buffer; gzipBytes: number };

/**
 * What a phone downloads to open the citizens' portal: its page and the files the page
 * references (entry script, preloaded chunks, stylesheet), each with its gzipped size.
 */
export function portalBundle(dist = WEB_DIST): BundleFile[] {
  const page = readFileSync(join(dist, 'portal', 'index.html'), 'utf8');
  const assets = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');

  return ['portal/index.html', ...assets].map((file) => {
    const content = readFileSync(join(dist, file));

    return { file, content, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
}
