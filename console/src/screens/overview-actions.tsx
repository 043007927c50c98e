import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { ConfirmButton } from '../components/confirm.tsx';
import { Field } from '../components/fields.tsx';
import { hasDraft, useAction, useDraft } from '../components/forms.tsx';
import { Link } from '../components/layout.tsx';
import { ErrorMessage } from '../components/load.tsx';
import { numberOf } from '../components/number-field.ts';
import { bundle, formatDateTime, useLanguage, useMessages } from '../i18n.ts';
import { path } from '../router.ts';

/**
 * What the overview lets a coordinator decide in place: a join request (approve; decline with an optional
 * message, after a confirm) and a group proposal (accept with what a group needs that a proposal lacks;
 * decline likewise). Each tells the overview what happened in words, and the overview reloads.
 */
export type Decision = Schemas['OverviewDecision'];
export type Proposal = Schemas['OverviewProposal'];

/** Said once an action is done (the card itself is gone after the reload). */
export interface Outcome {
  readonly text: string;
  readonly link?: { href: string; text: string };
}

const words = bundle({
  en: {
    requested: 'Asked to join {group} on {date}',
    approve: 'Approve',
    approving: 'Approving…',
    approveLabel: 'Approve {name}’s request to join {group}',
    declineOpen: 'Decline…',
    declineOpenLabel: 'Decline {name}’s request…',
    message: 'Message to {name} (optional)',
    messageHint: 'Quoted in the email that tells them.',
    decline: 'Decline',
    declineLabel: 'Decline {name}',
    declineQuestion: 'Decline {name}’s request to join {group}? They get an email saying so.',
    approved: '{name} has a seat in {group} and gets an email.',
    waitlisted: '{name} is approved and on the waitlist of {group} (number {position}), since it is full.',
    declined: '{name}’s request to join {group} is declined, and they get an email.',
    proposedBy: 'Proposed by {who} on {date}',
    acceptOpen: 'Accept…',
    acceptOpenLabel: 'Accept the proposal “{title}”…',
    acceptIntro: 'The proposal becomes a group with its title and question; {name} is its first member.',
    facilitatorName: 'Facilitator',
    facilitatorHint: 'Who leads the meetings.',
    facilitatorEmail: 'Facilitator’s email (optional)',
    capacity: 'Seats',
    mode: 'How the group meets',
    online: 'Online',
    in_person: 'In person',
    location: 'Place or meeting link (optional)',
    accept: 'Create the group',
    accepting: 'Creating…',
    accepted: 'The group “{title}” is created; {name} is its first member and gets an email.',
    openGroup: 'Open the group',
    declineProposalOpenLabel: 'Decline the proposal “{title}”…',
    declineProposalQuestion: 'Decline the proposal “{title}”? {name} gets an email saying so.',
    declineProposalLabel: 'Decline the proposal “{title}”',
    proposalDeclined: 'The proposal “{title}” is declined, and {name} gets an email.',
  },
  sv: {
    requested: 'Bad att få gå med i {group} den {date}',
    approve: 'Godkänn',
    approving: 'Godkänner…',
    approveLabel: 'Godkänn att {name} går med i {group}',
    declineOpen: 'Avböj…',
    declineOpenLabel: 'Avböj förfrågan från {name}…',
    message: 'Meddelande till {name} (valfritt)',
    messageHint: 'Citeras i mejlet som berättar det.',
    decline: 'Avböj',
    declineLabel: 'Avböj {name}',
    declineQuestion: 'Avböja förfrågan från {name} om att gå med i {group}? Hen får ett mejl om det.',
    approved: '{name} har fått en plats i {group} och får ett mejl.',
    waitlisted:
      '{name} är godkänd och står på väntelistan till {group} (nummer {position}), eftersom gruppen är full.',
    declined: 'Förfrågan från {name} om att gå med i {group} är avböjd, och hen får ett mejl.',
    proposedBy: 'Föreslagen av {who} den {date}',
    acceptOpen: 'Godta…',
    acceptOpenLabel: 'Godta förslaget ”{title}”…',
    acceptIntro: 'Förslaget blir en grupp med sin rubrik och fråga; {name} blir första deltagare.',
    facilitatorName: 'Samtalsledare',
    facilitatorHint: 'Den som leder träffarna.',
    facilitatorEmail: 'Samtalsledarens e-post (valfritt)',
    capacity: 'Platser',
    mode: 'Hur gruppen träffas',
    online: 'Digitalt',
    in_person: 'På plats',
    location: 'Plats eller mötes­länk (valfritt)',
    accept: 'Skapa gruppen',
    accepting: 'Skapar…',
    accepted: 'Gruppen ”{title}” är skapad; {name} är första deltagare och får ett mejl.',
    openGroup: 'Öppna gruppen',
    declineProposalOpenLabel: 'Avböj förslaget ”{title}”…',
    declineProposalQuestion: 'Avböja förslaget ”{title}”? {name} får ett mejl om det.',
    declineProposalLabel: 'Avböj förslaget ”{title}”',
    proposalDeclined: 'Förslaget ”{title}” är avböjt, och {name} får ett mejl.',
  },
  nb: {
    requested: 'Ba om å bli med i {group} den {date}',
    approve: 'Godkjenn',
    approving: 'Godkjenner…',
    approveLabel: 'Godkjenn at {name} blir med i {group}',
    declineOpen: 'Avslå…',
    declineOpenLabel: 'Avslå forespørselen fra {name}…',
    message: 'Melding til {name} (valgfritt)',
    messageHint: 'Siteres i e-posten som forteller det.',
    decline: 'Avslå',
    declineLabel: 'Avslå {name}',
    declineQuestion:
      'Avslå forespørselen fra {name} om å bli med i {group}? Vedkommende får en e-post om det.',
    approved: '{name} har fått plass i {group} og får en e-post.',
    waitlisted:
      '{name} er godkjent og står på ventelisten til {group} (nummer {position}), fordi gruppen er full.',
    declined: 'Forespørselen fra {name} om å bli med i {group} er avslått, og vedkommende får en e-post.',
    proposedBy: 'Foreslått av {who} den {date}',
    acceptOpen: 'Godta…',
    acceptOpenLabel: 'Godta forslaget «{title}»…',
    acceptIntro: 'Forslaget blir en gruppe med sin tittel og sitt spørsmål; {name} blir første deltaker.',
    facilitatorName: 'Samtaleleder',
    facilitatorHint: 'Den som leder møtene.',
    facilitatorEmail: 'Samtalelederens e-post (valgfritt)',
    capacity: 'Plasser',
    mode: 'Hvordan gruppen møtes',
    online: 'Digitalt',
    in_person: 'Fysisk',
    location: 'Sted eller møtelenke (valgfritt)',
    accept: 'Opprett gruppen',
    accepting: 'Oppretter…',
    accepted: 'Gruppen «{title}» er opprettet; {name} er første deltaker og får en e-post.',
    openGroup: 'Åpne gruppen',
    declineProposalOpenLabel: 'Avslå forslaget «{title}»…',
    declineProposalQuestion: 'Avslå forslaget «{title}»? {name} får en e-post om det.',
    declineProposalLabel: 'Avslå forslaget «{title}»',
    proposalDeclined: 'Forslaget «{title}» er avslått, og {name} får en e-post.',
  },
});

const text = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/**
 * A button that shows or hides a small form under it (aria-expanded); open from the start when a draft of
 * that form is kept, so what was typed before a re-sign-in is in view again.
 */
function Disclosure(props: {
  id: string;
  label: string;
  name: string;
  draftKey: string;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(() => hasDraft(props.draftKey));
  return (
    <div class="overview-decide">
      <button
        type="button"
        class="link"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={props.id}
        aria-label={props.name}
        onClick={() => setOpen(!open)}
      >
        {props.label}
      </button>
      {open ? <div id={props.id}>{props.children}</div> : null}
    </div>
  );
}

/** The decline part of a card: an optional message (kept as a draft), then a confirm. */
function DeclineWithMessage(props: {
  draftKey: string;
  id: string;
  openLabel: string;
  name: string;
  confirmLabel: string;
  question: string;
  decline: (message: string | undefined) => Promise<void>;
}) {
  const t = useMessages(words);
  const [values, update, clear] = useDraft(props.draftKey, { message: '' });
  const action = useAction(async () => {
    const message = values.message.trim();
    await props.decline(message === '' ? undefined : message);
    clear();
  });
  return (
    <Disclosure id={props.id} label={t('declineOpen')} name={props.openLabel} draftKey={props.draftKey}>
      <Field
        name={`${props.id}.message`}
        label={t('message', { name: props.name })}
        hint={t('messageHint')}
        error={action.fields.message}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={3}
            maxLength={1000}
            value={values.message}
            onInput={(e) => update({ message: text(e) })}
          />
        )}
      </Field>
      <div class="actions">
        <ConfirmButton
          label={props.confirmLabel}
          question={props.question}
          confirmLabel={t('decline')}
          disabled={action.busy}
          onConfirm={() => action.run()}
        />
      </div>
      {action.error !== undefined ? <ErrorMessage error={action.error} /> : null}
    </Disclosure>
  );
}

export function DecisionCard(props: {
  networkId: string;
  decision: Decision;
  timeZone: string;
  onOutcome: (outcome: Outcome) => void;
}) {
  const t = useMessages(words);
  const { api } = useApp();
  const { decision: d } = props;
  const ids = { groupId: d.groupId, requestId: d.requestId };
  const names = { name: d.name, group: d.groupTitle };
  const approve = useAction(async () => {
    const result = await unwrap(
      api.POST('/v1/admin/groups/{groupId}/join-requests/{requestId}/approve', { params: { path: ids } }),
    );
    props.onOutcome({
      text:
        result.status === 'waitlisted'
          ? t('waitlisted', { ...names, position: result.waitlistPosition ?? '?' })
          : t('approved', names),
    });
  });
  const who = [d.role, d.organisation].filter((part) => part !== '').join(', ');
  return (
    <li class="card">
      <h3>{d.name}</h3>
      <p>
        {who} · <a href={`mailto:${d.email}`}>{d.email}</a>
      </p>
      <p class="muted">
        <Requested decision={d} timeZone={props.timeZone} networkId={props.networkId} />
      </p>
      {d.message ? <blockquote>{d.message}</blockquote> : null}
      <div class="actions">
        <button
          type="button"
          class="primary"
          aria-label={t('approveLabel', names)}
          disabled={approve.busy}
          onClick={() => void approve.run()}
        >
          {approve.busy ? t('approving') : t('approve')}
        </button>
      </div>
      {approve.error !== undefined ? <ErrorMessage error={approve.error} /> : null}
      <DeclineWithMessage
        draftKey={`overview.${props.networkId}.decline.${d.requestId}`}
        id={`decline-${d.requestId}`}
        openLabel={t('declineOpenLabel', names)}
        name={d.name}
        confirmLabel={t('declineLabel', names)}
        question={t('declineQuestion', names)}
        decline={async (message) => {
          await unwrap(
            api.POST('/v1/admin/groups/{groupId}/join-requests/{requestId}/decline', {
              params: { path: ids },
              body: message === undefined ? {} : { message },
            }),
          );
          props.onOutcome({ text: t('declined', names) });
        }}
      />
    </li>
  );
}

/** "Asked to join <group link> on <date>": the group's name links to its page. */
function Requested(props: { decision: Decision; timeZone: string; networkId: string }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const d = props.decision;
  const [before, after] = t('requested', {
    group: '\u0000',
    date: formatDateTime(language, d.confirmedAt ?? d.createdAt, props.timeZone),
  }).split('\u0000');
  return (
    <>
      {before}
      <Link href={path('n', props.networkId, 'groups', d.groupId)}>{d.groupTitle}</Link>
      {after}
    </>
  );
}

export function ProposalCard(props: {
  networkId: string;
  proposal: Proposal;
  timeZone: string;
  onOutcome: (outcome: Outcome) => void;
}) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const { api } = useApp();
  const { proposal: p } = props;
  const ids = { networkId: props.networkId, proposalId: p.proposalId };
  const prefix = `proposal-${p.proposalId}`;
  const draftKey = `overview.${props.networkId}.accept.${p.proposalId}`;
  const [values, update, clear] = useDraft(draftKey, {
    facilitatorName: '',
    facilitatorEmail: '',
    capacity: '8',
    mode: 'online' as 'online' | 'in_person',
    location: '',
  });
  const accept = useAction(async () => {
    const email = values.facilitatorEmail.trim();
    const location = values.location.trim();
    const capacity = values.capacity.trim();
    const group = await unwrap(
      api.POST('/v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept', {
        params: { path: ids },
        body: {
          facilitator: { name: values.facilitatorName, ...(email === '' ? {} : { email }) },
          capacity: numberOf(capacity),
          mode: values.mode,
          ...(location === '' ? {} : { location }),
        },
      }),
    );
    clear();
    props.onOutcome({
      text: t('accepted', { title: group.title, name: p.name }),
      link: { href: path('n', props.networkId, 'groups', group.id), text: t('openGroup') },
    });
  });
  const errors = accept.fields;
  const who = [p.name, p.role, p.organisation].filter((part) => part !== undefined && part !== '').join(', ');
  const names = { title: p.title, name: p.name };
  return (
    <li class="card">
      <h3>{p.title}</h3>
      <p class="proposal-question">{p.question}</p>
      <p class="muted">
        {t('proposedBy', {
          who,
          date: formatDateTime(language, p.confirmedAt ?? p.createdAt, props.timeZone),
        })}{' '}
        · <a href={`mailto:${p.email}`}>{p.email}</a>
      </p>
      {p.message ? <blockquote>{p.message}</blockquote> : null}
      <Disclosure
        id={`accept-${prefix}`}
        label={t('acceptOpen')}
        name={t('acceptOpenLabel', names)}
        draftKey={draftKey}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void accept.run();
          }}
        >
          <p>{t('acceptIntro', { name: p.name })}</p>
          <Field
            name={`${prefix}.facilitator.name`}
            label={t('facilitatorName')}
            hint={t('facilitatorHint')}
            error={errors['facilitator.name'] ?? errors.facilitator}
          >
            {(a11y) => (
              <input
                {...a11y}
                maxLength={120}
                autocomplete="off"
                value={values.facilitatorName}
                onInput={(e) => update({ facilitatorName: text(e) })}
              />
            )}
          </Field>
          <Field
            name={`${prefix}.facilitator.email`}
            label={t('facilitatorEmail')}
            error={errors['facilitator.email']}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="email"
                autocomplete="off"
                value={values.facilitatorEmail}
                onInput={(e) => update({ facilitatorEmail: text(e) })}
              />
            )}
          </Field>
          <Field name={`${prefix}.capacity`} label={t('capacity')} error={errors.capacity}>
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                min={1}
                max={500}
                class="short"
                value={values.capacity}
                onInput={(e) => update({ capacity: text(e) })}
              />
            )}
          </Field>
          <Field name={`${prefix}.mode`} label={t('mode')} error={errors.mode}>
            {(a11y) => (
              <select
                {...a11y}
                value={values.mode}
                onChange={(e) => update({ mode: (e.currentTarget as HTMLSelectElement).value as 'online' })}
              >
                <option value="online">{t('online')}</option>
                <option value="in_person">{t('in_person')}</option>
              </select>
            )}
          </Field>
          <Field name={`${prefix}.location`} label={t('location')} error={errors.location}>
            {(a11y) => (
              <input
                {...a11y}
                maxLength={500}
                value={values.location}
                onInput={(e) => update({ location: text(e) })}
              />
            )}
          </Field>
          {errors.title || errors.question ? (
            <p class="field-error">{[errors.title, errors.question].filter(Boolean).join(' ')}</p>
          ) : null}
          <div class="actions">
            <button type="submit" class="primary" disabled={accept.busy}>
              {accept.busy ? t('accepting') : t('accept')}
            </button>
          </div>
          {accept.error !== undefined ? <ErrorMessage error={accept.error} /> : null}
        </form>
      </Disclosure>
      <DeclineWithMessage
        draftKey={`overview.${props.networkId}.decline-proposal.${p.proposalId}`}
        id={`decline-${prefix}`}
        openLabel={t('declineProposalOpenLabel', names)}
        name={p.name}
        confirmLabel={t('declineProposalLabel', names)}
        question={t('declineProposalQuestion', names)}
        decline={async (message) => {
          await unwrap(
            api.POST('/v1/admin/networks/{networkId}/group-proposals/{proposalId}/decline', {
              params: { path: ids },
              body: message === undefined ? {} : { message },
            }),
          );
          props.onOutcome({ text: t('proposalDeclined', names) });
        }}
      />
    </li>
  );
}
