import { Layout } from '@web/components/layout.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { navigate } from '@web/router.tsx';

const open = (path: string) => () => navigate(path);

/** "Operação Serviço de Terceiro": the counter's entry to STER, with its two buttons. */
export function CounterHome() {
  useShortcuts({ F2: open('/ster/atendimento'), F3: open('/balcao/protocolos') });

  return (
    <Layout title="Operação Serviço de Terceiro">
      <section className="panel panel-center" aria-label="Operação Serviço de Terceiro">
        <p className="muted">
          Abra o STER para registrar um atendimento, ou liste os protocolos pendentes para gerar o
          atendimento no caixa.
        </p>
        <div className="tiles">
          <button type="button" className="tile" autoFocus onClick={open('/ster/atendimento')}>
            <span className="tile-title">Abrir STER</span>
            <span className="tile-sub">Atendimento de serviços de terceiros</span>
            <Kbd keys="F2" />
          </button>
          <button type="button" className="tile" onClick={open('/balcao/protocolos')}>
            <span className="tile-title">Listar protocolos pendentes</span>
            <span className="tile-sub">Protocolos STER: gerar atendimento ou cancelar</span>
            <Kbd keys="F3" />
          </button>
          <button type="button" className="tile" onClick={open('/ster/consulta')}>
            <span className="tile-title">Consulta Protocolo</span>
            <span className="tile-sub">Por protocolo ou CPF; pré-atendimentos</span>
            <Kbd keys="Alt+C" />
          </button>
        </div>
      </section>
    </Layout>
  );
}
