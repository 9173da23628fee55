import { parseArgs } from 'node:util';
import { buildApp } from '@server/app.ts';
import { loadConfig } from '@server/config.ts';
import { createModules } from '@server/modules.ts';
import { verifyAuditChains } from '@server/modules/audit/audit-verify.ts';
import { openRuntime, type Runtime } from '@server/runtime.ts';
import { seedDemoData } from '@server/seed/seed.ts';
// The demo partner is a separate little app with no path alias of its own.
import { startDemoPartnerBesideSter } from '@demo-partner/beside-ster.ts';
import { pointAtErpStandin, startErpStandinBesideSter } from '@erp-standin/beside-ster.ts';
import { startScheduler } from '@server/scheduler.ts';
import { startIdCorreiosBesideSter, useDemoIdCorreios } from '@idcorreios/beside-ster.ts';

const USAGE = `ster <command>

  demo      migrate, load demo data if the database is empty, and serve (npm start)
  serve     migrate and serve the API and the web app
  migrate   apply pending migrations and exit
  seed      load demo data into an empty database
  expire    mark overdue pre-attendances expired, once
  verify    check every protocol's hash-chained history; exits 1 on any break

Configuration comes from the environment: DATABASE_URL (PostgreSQL; default: embedded PGlite
in STER_DATA_DIR, ./data), PORT (3000), HOST (127.0.0.1), STER_SECRET_KEY, LOG_LEVEL, and the
citizens' sign-in STER_OIDC_ISSUER, STER_OIDC_CLIENT_ID, STER_OIDC_CLIENT_SECRET,
STER_OIDC_REDIRECT_URI (demo: the IdCorreios stand-in on port 3200).`;

async function serve(runtime: Runtime) {
  const { ctx, handle } = runtime;
  const app = await buildApp(ctx);
  const scheduler = startScheduler(ctx, createModules(ctx));
  const shutdown = async (signal: string) => {
    ctx.logger.info({ event: 'shutting_down', signal }, 'shutting down');
    scheduler.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: ctx.config.host, port: ctx.config.port });
  ctx.logger.info(
    {
      event: 'listening',
      database: ctx.dbKind,
      url: `http://${ctx.config.host}:${ctx.config.port}`,
    },
    `STER em http://${ctx.config.host}:${ctx.config.port} (documentação da API em /docs)`,
  );
}

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  const command = positionals[0] ?? 'serve';
  if (command === 'help' || command === '--help') {
    console.log(USAGE);

    return;
  }
  if (command === 'demo') {
    useDemoIdCorreios(process.env);
  }
  const runtime = await openRuntime(loadConfig());
  const { ctx, handle } = runtime;

  switch (command) {
    case 'demo': {
      const { seeded } = await seedDemoData(ctx.db);
      ctx.logger.info(
        { event: 'demo_data', seeded },
        seeded ? 'demo data loaded' : 'demo data already present',
      );
      // The demo partner site listens on loopback; its callbacks must be allowed locally.
      process.env.STER_ALLOW_PRIVATE_CALLBACKS ??= 'true';
      const erpPort = pointAtErpStandin(ctx);
      await serve(runtime);
      await startDemoPartnerBesideSter(ctx);
      await startErpStandinBesideSter(ctx, erpPort);
      await startIdCorreiosBesideSter(ctx);
      break;
    }
    case 'serve':
      await serve(runtime);
      break;
    case 'migrate':
      await handle.close();
      break;
    case 'seed': {
      const { seeded } = await seedDemoData(ctx.db);
      console.log(
        seeded ? 'Dados de demonstração carregados.' : 'O banco já tinha dados; nada foi feito.',
      );
      await handle.close();
      break;
    }
    case 'expire': {
      const { expired } = await createModules(ctx).expiry.expireDue();
      console.log(`${expired} pré-atendimento(s) expirado(s).`);
      await handle.close();
      break;
    }
    case 'verify': {
      const report = await verifyAuditChains(ctx.db);
      console.log(JSON.stringify(report, null, 2));
      await handle.close();
      process.exitCode = report.broken.length === 0 ? 0 : 1;
      break;
    }
    default:
      console.error(`Comando desconhecido: ${command}\n\n${USAGE}`);
      await handle.close();
      process.exitCode = 2;
  }
}

await main();
