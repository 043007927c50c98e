import { useState } from 'preact/hooks';
import { type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { ConfirmButton } from '../components/confirm.tsx';
import { errorFor, Field } from '../components/fields.tsx';
import { ActionStatus, useAction, useDraft } from '../components/forms.tsx';
import { Link } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, formatDate, useLanguage, useMessages } from '../i18n.ts';
import { path } from '../router.ts';
import { type AdminGroup, GroupFields, groupBody, newGroupValues } from './group-fields.tsx';

/**
 * Group proposals waiting for a decision, on the groups page (accepting one makes a group, which then
 * appears in the list above). Accept asks for what a proposal lacks (facilitator, seats, how it meets)
 * with the proposer's title and question filled in; decline asks first, with an optional message that the
 * email to the proposer quotes.
 */
type Proposal = Schemas['AdminGroupProposal'];

const words = bundle({
  en: {
    heading: 'Group proposals',
    intro:
      'Members who want a group around a question of their own propose it on the website. The proposer becomes the group’s first member.',
    none: 'No proposals are waiting for a decision.',
    proposedBy: 'Proposed by {who} on {date}.',
    message: 'Their note:',
    accept: 'Turn into a group…',
    acceptHeading: 'Turn “{title}” into a group',
    create: 'Create the group',
    creating: 'Creating…',
    decline: 'Decline…',
    declineLabel: 'Decline the proposal “{title}”',
    declineQuestion:
      'Decline “{title}” from {name}? They get an email saying so, with your message if you wrote one.',
    declineMessage: 'Message to {name} (optional)',
    declineHint: 'Quoted in the email. For example where the question could be taken up instead.',
    accepted: '“{title}” is now a group, with {name} as its first member.',
    openGroup: 'Open the group',
    declined: 'The proposal “{title}” is declined, and {name} gets an email.',
  },
  sv: {
    heading: 'Förslag på grupper',
    intro:
      'Medlemmar som vill starta en grupp kring en egen fråga föreslår den på webbplatsen. Den som föreslår gruppen blir dess första deltagare.',
    none: 'Inga förslag väntar på beslut.',
    proposedBy: 'Föreslagen av {who} den {date}.',
    message: 'Meddelande:',
    accept: 'Gör till en grupp…',
    acceptHeading: 'Gör ”{title}” till en grupp',
    create: 'Skapa gruppen',
    creating: 'Skapar…',
    decline: 'Avböj…',
    declineLabel: 'Avböj förslaget ”{title}”',
    declineQuestion:
      'Avböja ”{title}” från {name}? Hen får ett mejl om det, med ditt meddelande om du har skrivit något.',
    declineMessage: 'Meddelande till {name} (valfritt)',
    declineHint: 'Citeras i mejlet. Skriv gärna var frågan kan tas upp i stället.',
    accepted: '”{title}” är nu en grupp, och {name} är dess första deltagare.',
    openGroup: 'Öppna gruppen',
    declined: 'Förslaget ”{title}” är avböjt, och {name} får ett mejl.',
  },
  nb: {
    heading: 'Forslag til grupper',
    intro:
      'Medlemmer som vil starte en gruppe om et eget spørsmål, foreslår den på nettstedet. Den som foreslår gruppen, blir dens første deltaker.',
    none: 'Ingen forslag venter på en avgjørelse.',
    proposedBy: 'Foreslått av {who} den {date}.',
    message: 'Melding:',
    accept: 'Gjør om til en gruppe…',
    acceptHeading: 'Gjør «{title}» om til en gruppe',
    create: 'Opprett gruppen',
    creating: 'Oppretter…',
    decline: 'Avslå…',
    declineLabel: 'Avslå forslaget «{title}»',
    declineQuestion:
      'Avslå «{title}» fra {name}? Vedkommende får en e-post om det, med meldingen din hvis du har skrevet en.',
    declineMessage: 'Melding til {name} (valgfritt)',
    declineHint: 'Siteres i e-posten. Skriv gjerne hvor spørsmålet kan tas opp i stedet.',
    accepted: '«{title}» er nå en gruppe, og {name} er første deltaker.',
    openGroup: 'Åpne gruppen',
    declined: 'Forslaget «{title}» er avslått, og {name} får en e-post.',
  },
});

type Outcome =
  | { kind: 'accepted'; proposal: Proposal; group: AdminGroup }
  | { kind: 'declined'; proposal: Proposal };

function AcceptForm(props: { networkId: string; proposal: Proposal; onDone: (group: AdminGroup) => void }) {
  const t = useMessages(words);
  const { api } = useApp();
  const { proposal } = props;
  const [values, update, clear] = useDraft(`groups.${props.networkId}.proposal.${proposal.id}.accept`, {
    ...newGroupValues,
    title: proposal.title,
    question: proposal.question,
  });
  const action = useAction(async () => {
    const group = await unwrap(
      api.POST('/v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept', {
        params: { path: { networkId: props.networkId, proposalId: proposal.id } },
        body: groupBody(values),
      }),
    );
    clear();
    props.onDone(group);
  });
  return (
    <form
      noValidate
      class="proposal-accept"
      aria-label={t('acceptHeading', { title: proposal.title })}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      <GroupFields
        values={values}
        update={update}
        errors={action.fields}
        prefix={`proposal-${proposal.id}`}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('creating') : t('create')}
        </button>
      </div>
      <ActionStatus action={action} />
    </form>
  );
}

function DeclineForm(props: { networkId: string; proposal: Proposal; onDone: () => void }) {
  const t = useMessages(words);
  const { api } = useApp();
  const { proposal } = props;
  const [values, update, clear] = useDraft(`groups.${props.networkId}.proposal.${proposal.id}.decline`, {
    message: '',
  });
  const action = useAction(async () => {
    const message = values.message.trim();
    await unwrap(
      api.POST('/v1/admin/networks/{networkId}/group-proposals/{proposalId}/decline', {
        params: { path: { networkId: props.networkId, proposalId: proposal.id } },
        body: message === '' ? {} : { message },
      }),
    );
    clear();
    props.onDone();
  });
  return (
    <div class="proposal-decline">
      <Field
        name={`proposal-${proposal.id}.message`}
        label={t('declineMessage', { name: proposal.name })}
        hint={t('declineHint')}
        error={errorFor(action.fields, 'message')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            maxLength={1000}
            value={values.message}
            onInput={(e) => update({ message: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        )}
      </Field>
      <div class="actions">
        <ConfirmButton
          label={t('declineLabel', { title: proposal.title })}
          question={t('declineQuestion', { title: proposal.title, name: proposal.name })}
          disabled={action.busy}
          onConfirm={action.run}
        />
      </div>
      <ActionStatus action={action} />
    </div>
  );
}

function ProposalCard(props: { networkId: string; proposal: Proposal; onOutcome: (o: Outcome) => void }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const { proposal } = props;
  const [open, setOpen] = useState<'accept' | 'decline' | undefined>(undefined);
  const who = [proposal.name, proposal.role, proposal.organisation].filter(
    (s) => s !== undefined && s !== '',
  );
  const toggle = (which: 'accept' | 'decline') => setOpen(open === which ? undefined : which);
  return (
    <li class="card proposal">
      <h3>{proposal.title}</h3>
      <p class="proposal-question">{proposal.question}</p>
      <p class="muted">
        {t('proposedBy', {
          who: `${who.join(', ')} (${proposal.email})`,
          date: formatDate(language, proposal.confirmedAt ?? proposal.createdAt),
        })}
      </p>
      {proposal.message ? (
        <>
          <p class="muted">{t('message')}</p>
          <blockquote>{proposal.message}</blockquote>
        </>
      ) : null}
      <div class="actions">
        <button type="button" aria-expanded={open === 'accept'} onClick={() => toggle('accept')}>
          {t('accept')}
        </button>
        <button type="button" aria-expanded={open === 'decline'} onClick={() => toggle('decline')}>
          {t('decline')}
        </button>
      </div>
      {open === 'accept' ? (
        <AcceptForm
          networkId={props.networkId}
          proposal={proposal}
          onDone={(group) => props.onOutcome({ kind: 'accepted', proposal, group })}
        />
      ) : null}
      {open === 'decline' ? (
        <DeclineForm
          networkId={props.networkId}
          proposal={proposal}
          onDone={() => props.onOutcome({ kind: 'declined', proposal })}
        />
      ) : null}
    </li>
  );
}

function ProposalList(props: {
  networkId: string;
  proposals: readonly Proposal[];
  onOutcome: (o: Outcome) => void;
}) {
  const t = useMessages(words);
  const { shown, more } = useShowMore(props.proposals, 10);
  if (props.proposals.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <>
      <ul class="cards proposals">
        {shown.map((proposal) => (
          <ProposalCard
            key={proposal.id}
            networkId={props.networkId}
            proposal={proposal}
            onOutcome={props.onOutcome}
          />
        ))}
      </ul>
      {more}
    </>
  );
}

export function GroupProposals(props: { networkId: string; onAccepted: () => void }) {
  const t = useMessages(words);
  const { api } = useApp();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [proposals, reload] = useLoad(
    async () =>
      (
        await unwrap(
          api.GET('/v1/admin/networks/{networkId}/group-proposals', {
            params: { path: { networkId: props.networkId }, query: { status: 'proposed' } },
          }),
        )
      ).proposals,
    [props.networkId],
  );
  const onOutcome = (next: Outcome) => {
    setOutcome(next);
    void reload();
    if (next.kind === 'accepted') props.onAccepted();
  };
  return (
    <section aria-labelledby="group-proposals">
      <h2 id="group-proposals">{t('heading')}</h2>
      <p class="muted">{t('intro')}</p>
      <div role="status">
        {outcome?.kind === 'accepted' ? (
          <p class="saved">
            {t('accepted', { title: outcome.group.title, name: outcome.proposal.name })}{' '}
            <Link href={path('n', props.networkId, 'groups', outcome.group.id)}>{t('openGroup')}</Link>
          </p>
        ) : null}
        {outcome?.kind === 'declined' ? (
          <p class="saved">{t('declined', { title: outcome.proposal.title, name: outcome.proposal.name })}</p>
        ) : null}
      </div>
      <Loaded load={proposals} retry={() => void reload()}>
        {(list) => <ProposalList networkId={props.networkId} proposals={list} onOutcome={onOutcome} />}
      </Loaded>
    </section>
  );
}
