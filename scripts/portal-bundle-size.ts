import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Prints what a phone downloads to open the citizens' portal: the files its page references
 * (entry script, preloaded chunks, stylesheet), raw and gzipped. Run after `vite build`.
 */
const dist = fileURLToPath(new URL('../dist/web', import.meta.url));
const page = readFileSync(join(dist, 'portal', 'index.html'), 'utf8');
const files = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(
  (match) => match[1] ?? '',
);

let raw = 0;
let gzipped = 0;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const file of ['portal/index.html', ...files]) {
  const content = readFileSync(join(dist, file));
  const size = gzipSync(content, { level: 9 }).length;
  raw += content.length;
  gzipped += size;
  console.log(
    `${file.padEnd(48)} ${kib(content.length).padStart(10)}  gzip ${kib(size).padStart(9)}`,
  );
}
console.log(`portal total (what /cidadao loads): ${kib(raw)}, gzip ${kib(gzipped)}`);
