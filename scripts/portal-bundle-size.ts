import { portalBundle } from '@test/portal-bundle.ts';

/** Prints what opening /cidadao downloads, raw and gzipped; `npm run build` runs it. */
const files = portalBundle();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const { file, content, gzipBytes } of files) {
  console.log(`${file.padEnd(48)} ${kib(content.length).padStart(10)}  gzip ${kib(gzipBytes)}`);
}
const raw = files.reduce((sum, file) => sum + file.content.length, 0);
const gzipped = files.reduce((sum, file) => sum + file.gzipBytes, 0);
console.log(`portal total (what /cidadao loads): ${kib(raw)}, gzip ${kib(gzipped)}`);
