import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { Link } from '@web/router.tsx';

const CHOICES = [
  {
    to: '/cidadao/pre-atendimento',
    title: 'Pré-atendimento',
    text: 'Preencha o formulário em casa e conclua em qualquer agência, sem digitar tudo de novo.',
  },
  {
    to: '/cidadao/consulta',
    title: 'Consultar protocolo',
    text: 'Veja a situação do seu protocolo com o código e o seu CPF.',
  },
  {
    to: '/cidadao/virtual',
    title: 'Atendimento virtual',
    text: 'Entre com o IdCorreios e faça o serviço todo pela internet, com comprovante na hora.',
  },
  {
    to: '/cidadao/meus-protocolos',
    title: 'Meus protocolos',
    text: 'Seus protocolos, comprovantes e o download de todos os seus dados.',
  },
];

export function PortalHome() {
  return (
    <PortalLayout title="O que você precisa?">
      <ul className="choice-list">
        {CHOICES.map((choice) => (
          <li key={choice.to}>
            <Link to={choice.to} className="choice-card">
              <span className="choice-title">{choice.title}</span>
              <span className="choice-text">{choice.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}
