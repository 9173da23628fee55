/** `npm run bench:reports`: the reports bench alone (`npm run bench` runs it after the rest). */
import { runReportsBench } from './reports.ts';
import { loadBenchSettings } from './settings.ts';

await runReportsBench(loadBenchSettings());
