import { useState } from 'preact/hooks';
import { type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { ConfirmButton } from '../components/confirm.tsx';
import { errorFor, Field, fieldId } from '../components/fields.tsx';
import { useAction, useDraft } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { ErrorMessage, Loaded, useLoad } from '../components/load.tsx';
import { bundle, type Language, languageNames, plural, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { lines, type NetworkSettings, patchOf, type SettingsValues, valuesOf } from './settings-values.ts';

const messages = bundle({
  en: {
    networkLegend: 'The network',
    name: 'Name',
    languagesLegend: 'Languages',
    languagesHint:
      'Tick the languages the network uses. The order matters: the first ticked language is the network’s default, used when samla does not know a person’s language.',
    moveUp: 'Move {language} up',
    defaultBadge: 'default',
    memberDomains: 'Member domains',
    memberDomainsHint:
      'One domain per line, e.g. ekskolan.se. People with an address under one of them (subdomains too) count as members; leave empty to let anyone join.',
    lineProblem: '“{value}”: {message}',
    timeZone: 'Time zone',
    timeZoneHint: 'Meetings, reminders and the digest follow this time zone.',
    thankYouUrl: 'Thank-you page',
    thankYouUrlHint:
      'Where a plain form on your website sends people after they register (https://…). Leave empty for samla’s own receipt page.',
    coordinatorsLegend: 'Coordinators',
    coordinators: 'Coordinators’ email addresses',
    coordinatorsHint: 'One address per line. They get the digest and the requests to decide on.',
    coordinatorLanguage: 'Language for {email}',
    networkDefault: 'The network’s default ({language})',
    coordinatorLanguagesHint:
      'Each coordinator gets the digest and decisions in their own language. Save new addresses first to choose theirs.',
    remindersLegend: 'Meeting reminders',
    reminderDays: 'Reminder days before a meeting',
    reminderDaysHint: 'Whole days, separated by commas, e.g. 7, 1 (at most five). Leave empty for none.',
    introducerDays: 'Days before a meeting the introducer is reminded',
    evaluationLegend: 'Evaluations after a meeting',
    delayMinutes: 'Minutes after the meeting ends before the evaluation is sent',
    reminderAfterDays: 'Days until the reminder',
    closeAfterDays: 'Days until the evaluation closes',
    closeHint: 'The reminder must come before the close.',
    closeOpenHint:
      'More days also apply to evaluations open now; fewer only to those not sent yet, since members were told when theirs closes.',
    digestLegend: 'Coordinators’ digest',
    digestOff: 'Off (only when you send it yourself)',
    digestDaily: 'Every day',
    digestWeekly: 'Once a week',
    weekday: 'Day of the week',
    hour: 'Time of day',
    digestHint: 'In the network’s time zone ({zone}).',
    save: 'Save changes',
    unchanged: 'Nothing has changed, so nothing was saved.',
    unsaved: 'You have changes that are not saved yet.',
    discard: 'Discard changes',
    discardQuestion: 'Discard the changes you have not saved? The settings stay as they were.',
    otherProblems: 'Also:',
    digestNowHeading: 'Send the digest now',
    digestNowText:
      'The coordinators get the digest at once, with everything waiting right now. The next scheduled digest starts from here.',
    digestNow: 'Send the digest now',
    sending: 'Sending…',
    sentOne: 'The digest was sent to 1 coordinator.',
    sentMany: 'The digest was sent to {count} coordinators.',
    nothingToSay:
      'No digest was sent: there is nothing to report right now (no new registrations, decisions, waitlists, meetings or evaluations).',
    nothingNew: 'No digest was sent: nothing is new since the last one.',
    nobody:
      'No coordinator got the digest: each has turned it off, or their address is blocked after mail to it bounced.',
  },
  sv: {
    networkLegend: 'Nätverket',
    name: 'Namn',
    languagesLegend: 'Språk',
    languagesHint:
      'Kryssa i de språk nätverket använder. Ordningen spelar roll: det första ikryssade språket är nätverkets standardspråk, som samla använder när det inte vet vilket språk en person har.',
    moveUp: 'Flytta upp {language}',
    defaultBadge: 'standard',
    memberDomains: 'Medlemsdomäner',
    memberDomainsHint:
      'En domän per rad, t.ex. ekskolan.se. Den som har en adress under någon av dem (även underdomäner) räknas som medlem; lämna tomt om alla får gå med.',
    lineProblem: '”{value}”: {message}',
    timeZone: 'Tidszon',
    timeZoneHint: 'Träffar, påminnelser och sammanfattningen följer den här tidszonen.',
    thankYouUrl: 'Tacksida',
    thankYouUrlHint:
      'Dit ett vanligt formulär på er webbplats skickar den som har anmält sig (https://…). Lämna tomt för samlas egen kvittosida.',
    coordinatorsLegend: 'Samordnare',
    coordinators: 'Samordnarnas e-postadresser',
    coordinatorsHint: 'En adress per rad. De får sammanfattningen och förfrågningarna som ska beslutas.',
    coordinatorLanguage: 'Språk för {email}',
    networkDefault: 'Nätverkets standardspråk ({language})',
    coordinatorLanguagesHint:
      'Varje samordnare får sammanfattningen och besluten på sitt eget språk. Spara nya adresser först för att välja deras språk.',
    remindersLegend: 'Påminnelser om träffar',
    reminderDays: 'Påminnelser: antal dagar före träffen',
    reminderDaysHint: 'Hela dagar, åtskilda med kommatecken, t.ex. 7, 1 (högst fem). Lämna tomt för inga.',
    introducerDays: 'Antal dagar före träffen då den som håller inledningen påminns',
    evaluationLegend: 'Utvärdering efter en träff',
    delayMinutes: 'Minuter efter träffens slut innan utvärderingen skickas',
    reminderAfterDays: 'Dagar till påminnelsen',
    closeAfterDays: 'Dagar tills utvärderingen stängs',
    closeHint: 'Påminnelsen måste komma innan utvärderingen stängs.',
    closeOpenHint:
      'Fler dagar gäller också utvärderingar som är öppna nu; färre bara dem som inte har skickats, eftersom deltagarna har fått veta när deras stänger.',
    digestLegend: 'Sammanfattning till samordnarna',
    digestOff: 'Av (bara när du skickar den själv)',
    digestDaily: 'Varje dag',
    digestWeekly: 'En gång i veckan',
    weekday: 'Veckodag',
    hour: 'Klockslag',
    digestHint: 'I nätverkets tidszon ({zone}).',
    save: 'Spara ändringarna',
    unchanged: 'Inget har ändrats, så inget sparades.',
    unsaved: 'Du har ändringar som inte är sparade än.',
    discard: 'Släng ändringarna',
    discardQuestion: 'Vill du slänga ändringarna som inte är sparade? Inställningarna blir som de var.',
    otherProblems: 'Dessutom:',
    digestNowHeading: 'Skicka sammanfattningen nu',
    digestNowText:
      'Samordnarna får sammanfattningen direkt, med allt som väntar just nu. Nästa schemalagda sammanfattning räknar härifrån.',
    digestNow: 'Skicka sammanfattningen nu',
    sending: 'Skickar…',
    sentOne: 'Sammanfattningen skickades till 1 samordnare.',
    sentMany: 'Sammanfattningen skickades till {count} samordnare.',
    nothingToSay:
      'Ingen sammanfattning skickades: det finns inget att rapportera just nu (inga nya anmälningar, beslut, väntelistor, träffar eller utvärderingar).',
    nothingNew: 'Ingen sammanfattning skickades: inget är nytt sedan den förra.',
    nobody:
      'Ingen samordnare fick sammanfattningen: alla har stängt av den, eller så är deras adress spärrad efter att e-post till den studsat.',
  },
  nb: {
    networkLegend: 'Nettverket',
    name: 'Navn',
    languagesLegend: 'Språk',
    languagesHint:
      'Kryss av for språkene nettverket bruker. Rekkefølgen betyr noe: det første avkryssede språket er nettverkets standardspråk, som samla bruker når det ikke vet hvilket språk en person har.',
    moveUp: 'Flytt {language} opp',
    defaultBadge: 'standard',
    memberDomains: 'Medlemsdomener',
    memberDomainsHint:
      'Ett domene per linje, f.eks. skole.no. Den som har en adresse under et av dem (også underdomener), regnes som medlem; la feltet stå tomt hvis alle kan bli med.',
    lineProblem: '«{value}»: {message}',
    timeZone: 'Tidssone',
    timeZoneHint: 'Møter, påminnelser og oppsummeringen følger denne tidssonen.',
    thankYouUrl: 'Takkeside',
    thankYouUrlHint:
      'Hit sender et vanlig skjema på nettstedet deres den som har meldt seg på (https://…). La feltet stå tomt for samlas egen kvitteringsside.',
    coordinatorsLegend: 'Koordinatorer',
    coordinators: 'Koordinatorenes e-postadresser',
    coordinatorsHint: 'Én adresse per linje. De får oppsummeringen og forespørslene som skal avgjøres.',
    coordinatorLanguage: 'Språk for {email}',
    networkDefault: 'Nettverkets standardspråk ({language})',
    coordinatorLanguagesHint:
      'Hver koordinator får oppsummeringen og avgjørelsene på sitt eget språk. Lagre nye adresser først for å velge språket deres.',
    remindersLegend: 'Påminnelser om møter',
    reminderDays: 'Påminnelser: antall dager før møtet',
    reminderDaysHint: 'Hele dager, skilt med komma, f.eks. 7, 1 (høyst fem). La feltet stå tomt for ingen.',
    introducerDays: 'Antall dager før møtet da den som har innledningen, blir påminnet',
    evaluationLegend: 'Evaluering etter et møte',
    delayMinutes: 'Minutter etter at møtet er slutt før evalueringen sendes',
    reminderAfterDays: 'Dager til påminnelsen',
    closeAfterDays: 'Dager til evalueringen stenges',
    closeHint: 'Påminnelsen må komme før evalueringen stenges.',
    closeOpenHint:
      'Flere dager gjelder også evalueringer som er åpne nå; færre bare dem som ikke er sendt, fordi deltakerne har fått vite når deres stenges.',
    digestLegend: 'Oppsummering til koordinatorene',
    digestOff: 'Av (bare når du sender den selv)',
    digestDaily: 'Hver dag',
    digestWeekly: 'En gang i uken',
    weekday: 'Ukedag',
    hour: 'Klokkeslett',
    digestHint: 'I nettverkets tidssone ({zone}).',
    save: 'Lagre endringene',
    unchanged: 'Ingenting er endret, så ingenting ble lagret.',
    unsaved: 'Du har endringer som ikke er lagret ennå.',
    discard: 'Forkast endringene',
    discardQuestion: 'Vil du forkaste endringene som ikke er lagret? Innstillingene blir som de var.',
    otherProblems: 'I tillegg:',
    digestNowHeading: 'Send oppsummeringen nå',
    digestNowText:
      'Koordinatorene får oppsummeringen med en gang, med alt som venter akkurat nå. Neste planlagte oppsummering regner herfra.',
    digestNow: 'Send oppsummeringen nå',
    sending: 'Sender…',
    sentOne: 'Oppsummeringen ble sendt til 1 koordinator.',
    sentMany: 'Oppsummeringen ble sendt til {count} koordinatorer.',
    nothingToSay:
      'Ingen oppsummering ble sendt: det er ingenting å melde akkurat nå (ingen nye påmeldinger, avgjørelser, ventelister, møter eller evalueringer).',
    nothingNew: 'Ingen oppsummering ble sendt: ingenting er nytt siden forrige.',
    nobody:
      'Ingen koordinator fikk oppsummeringen: alle har slått den av, eller adressen deres er sperret etter at e-post til den kom i retur.',
  },
});

type T = ReturnType<typeof useMessages<(typeof messages)['en']>>;

const localeOf = (language: Language) =>
  language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB';

function timeZones(current: string): string[] | undefined {
  const supported = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf;
  if (typeof supported !== 'function') return undefined;
  const zones = supported('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Monday … Sunday in the language, 1 … 7 as the API numbers them (1 January 2024 was a Monday). */
function weekdays(language: Language): { value: number; label: string }[] {
  const format = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' });
  return [1, 2, 3, 4, 5, 6, 7].map((value) => ({
    value,
    label: format.format(new Date(Date.UTC(2024, 0, value))),
  }));
}

const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/**
 * The field error of a list (`memberDomains.1`) with the line it is about, so the coordinator sees which
 * line to fix among many.
 */
function listError(
  t: T,
  fields: Readonly<Record<string, string>>,
  name: string,
  sent: readonly string[],
): string | undefined {
  const problems = Object.entries(fields).flatMap(([key, message]) => {
    if (key === name) return [message];
    const index = key.startsWith(`${name}.`) ? Number(key.slice(name.length + 1)) : Number.NaN;
    const value = sent[index];
    return value === undefined ? [] : [t('lineProblem', { value, message })];
  });
  return problems.length > 0 ? problems.join(' ') : undefined;
}

export function Settings(props: { networkId: string }) {
  const c = useMessages(common);
  const { api } = useApp();
  const [load, reload] = useLoad(
    () =>
      unwrap(api.GET('/v1/admin/networks/{networkId}', { params: { path: { networkId: props.networkId } } })),
    [api, props.networkId],
  );
  /**
   * The settings as the last save returned them (newer than the load), and a round that starts the form
   * afresh after a save or a discard.
   */
  const [state, setState] = useState<{ saved?: NetworkSettings; round: number; justSaved: boolean }>({
    round: 0,
    justSaved: false,
  });
  return (
    <Layout networkId={props.networkId} current="settings" title={c('settings')}>
      <Loaded load={load} retry={() => void reload()}>
        {(loaded) => {
          const settings = state.saved?.id === props.networkId ? state.saved : loaded;
          return (
            <>
              <SettingsForm
                key={`${props.networkId}:${state.round}`}
                networkId={props.networkId}
                settings={settings}
                justSaved={state.justSaved}
                onSaved={(saved) => setState({ saved, round: state.round + 1, justSaved: true })}
                onDiscard={() => setState({ ...state, round: state.round + 1, justSaved: false })}
              />
              <DigestNow networkId={props.networkId} />
            </>
          );
        }}
      </Loaded>
    </Layout>
  );
}

function SettingsForm(props: {
  networkId: string;
  settings: NetworkSettings;
  justSaved: boolean;
  onSaved: (settings: NetworkSettings) => void;
  onDiscard: () => void;
}) {
  const t = useMessages(messages);
  const c = useMessages(common);
  const { language } = useLanguage();
  const { api } = useApp();
  const initial = valuesOf(props.settings);
  const [values, update, clear] = useDraft<SettingsValues>(`settings.${props.networkId}`, initial);
  const [edited, setEdited] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const patch = patchOf(values, props.settings);
  const changed = Object.keys(patch).length > 0;
  const action = useAction(async () => {
    const settings = await unwrap(
      api.PATCH('/v1/admin/networks/{networkId}', {
        params: { path: { networkId: props.networkId } },
        body: patch,
      }),
    );
    clear();
    props.onSaved(settings);
  });
  const set = (next: Partial<SettingsValues>) => {
    setEdited(true);
    setUnchanged(false);
    update(next);
  };
  // Nothing to save after an error (the values were put back): the error no longer applies.
  const fields = unchanged ? {} : action.fields;
  const error = (name: string) => errorFor(fields, name);
  const sentLines = (text: string) => lines(text);

  const zones = timeZones(values.timeZone);
  const defaultLanguage = values.languages.find((l) => l.on)?.code;
  const coordinatorAddresses = lines(props.settings.coordinators.join('\n')).map((a) => a.toLowerCase());
  const days = weekdays(language);
  const hourFormat = new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });

  /** Field errors with no field of their own on this form (none expected; never dropped silently). */
  const shown = [
    'name',
    'languages',
    'memberDomains',
    'timeZone',
    'thankYouUrl',
    'coordinators',
    'coordinatorLanguages',
    'meetingReminders',
    'evaluation',
    'digest',
  ];
  const others = Object.entries(fields).filter(
    ([key]) => !shown.some((name) => key === name || key.startsWith(`${name}.`)),
  );
  const reminderError =
    errorFor(fields, 'meetingReminders.days') ?? (fields.meetingReminders as string | undefined);
  const evaluationError = fields.evaluation;
  const languagesError = error('languages');
  const digestError = fields.digest ?? fields['digest.frequency'];
  const coordinatorLanguagesError = error('coordinatorLanguages');

  const move = (index: number) => {
    const next = [...values.languages];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index - 1, 0, item);
    set({ languages: next });
  };

  /** After the dialog has closed (its own form submits first), the form starts afresh from the settings. */
  const discard = () =>
    setTimeout(() => {
      clear();
      props.onDiscard();
    }, 0);
  const formId = `settings-${props.networkId}`;

  return (
    <div class="settings">
      {changed && !edited ? (
        <div class="actions notice">
          <p>{t('unsaved')}</p>
          <ConfirmButton label={t('discard')} question={t('discardQuestion')} onConfirm={discard} />
        </div>
      ) : null}
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!changed) {
            setUnchanged(true);
            return;
          }
          void action.run();
        }}
      >
        <fieldset>
          <legend>{t('networkLegend')}</legend>
          <Field name="name" label={t('name')} error={error('name')}>
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                value={values.name}
                maxLength={200}
                onInput={(e) => set({ name: inputValue(e) })}
              />
            )}
          </Field>

          <fieldset
            class="subfield"
            aria-describedby={`${fieldId('languages')}-hint${languagesError ? ` ${fieldId('languages')}-error` : ''}`}
          >
            <legend>{t('languagesLegend')}</legend>
            <p class="hint" id={`${fieldId('languages')}-hint`}>
              {t('languagesHint')}
            </p>
            <ol class="language-order">
              {values.languages.map((item, index) => {
                const id = `${fieldId('languages')}-${item.code}`;
                return (
                  <li key={item.code}>
                    <input
                      type="checkbox"
                      id={id}
                      name="languages"
                      value={item.code}
                      checked={item.on}
                      {...(languagesError ? { 'aria-invalid': 'true' } : {})}
                      onChange={(e) =>
                        set({
                          languages: values.languages.map((l) =>
                            l.code === item.code
                              ? { ...l, on: (e.currentTarget as HTMLInputElement).checked }
                              : l,
                          ),
                        })
                      }
                    />{' '}
                    <label for={id} lang={item.code}>
                      {languageNames[item.code]}
                    </label>{' '}
                    {item.code === defaultLanguage ? <span class="badge">{t('defaultBadge')}</span> : null}{' '}
                    {index > 0 ? (
                      <button
                        type="button"
                        class="small"
                        aria-label={t('moveUp', { language: languageNames[item.code] })}
                        onClick={() => move(index)}
                      >
                        ↑
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            {languagesError ? (
              <p class="field-error" id={`${fieldId('languages')}-error`}>
                {languagesError}
              </p>
            ) : null}
          </fieldset>

          <Field
            name="memberDomains"
            label={t('memberDomains')}
            hint={t('memberDomainsHint')}
            error={listError(t, fields, 'memberDomains', sentLines(values.memberDomains))}
          >
            {(a11y) => (
              <textarea
                {...a11y}
                rows={5}
                spellcheck={false}
                autocapitalize="off"
                value={values.memberDomains}
                onInput={(e) => set({ memberDomains: (e.currentTarget as HTMLTextAreaElement).value })}
              />
            )}
          </Field>

          <Field name="timeZone" label={t('timeZone')} hint={t('timeZoneHint')} error={error('timeZone')}>
            {(a11y) =>
              zones === undefined ? (
                <input
                  {...a11y}
                  type="text"
                  value={values.timeZone}
                  onInput={(e) => set({ timeZone: inputValue(e) })}
                />
              ) : (
                <select
                  {...a11y}
                  value={values.timeZone}
                  onChange={(e) => set({ timeZone: (e.currentTarget as HTMLSelectElement).value })}
                >
                  {zones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
              )
            }
          </Field>

          <Field
            name="thankYouUrl"
            label={t('thankYouUrl')}
            hint={t('thankYouUrlHint')}
            error={error('thankYouUrl')}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="url"
                value={values.thankYouUrl}
                onInput={(e) => set({ thankYouUrl: inputValue(e) })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('coordinatorsLegend')}</legend>
          <Field
            name="coordinators"
            label={t('coordinators')}
            hint={t('coordinatorsHint')}
            error={listError(t, fields, 'coordinators', sentLines(values.coordinators))}
          >
            {(a11y) => (
              <textarea
                {...a11y}
                rows={3}
                spellcheck={false}
                autocapitalize="off"
                value={values.coordinators}
                onInput={(e) => set({ coordinators: (e.currentTarget as HTMLTextAreaElement).value })}
              />
            )}
          </Field>
          <p class="hint" id="coordinator-languages-hint">
            {t('coordinatorLanguagesHint')}
          </p>
          {coordinatorAddresses.map((address) => (
            <Field
              key={address}
              name={`coordinatorLanguages.${address}`}
              label={t('coordinatorLanguage', { email: address })}
              error={fields[`coordinatorLanguages.${address}`]}
            >
              {(a11y) => (
                <select
                  {...a11y}
                  value={values.coordinatorLanguages[address] ?? ''}
                  onChange={(e) =>
                    set({
                      coordinatorLanguages: {
                        ...values.coordinatorLanguages,
                        [address]: (e.currentTarget as HTMLSelectElement).value as Language | '',
                      },
                    })
                  }
                >
                  <option value="">
                    {t('networkDefault', { language: defaultLanguage ? languageNames[defaultLanguage] : '' })}
                  </option>
                  {(['sv', 'nb', 'en'] as const).map((l) => (
                    <option key={l} value={l} lang={l}>
                      {languageNames[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
          {coordinatorLanguagesError &&
          !Object.keys(fields).some((k) =>
            coordinatorAddresses.some((a) => k === `coordinatorLanguages.${a}`),
          ) ? (
            <p class="field-error">{coordinatorLanguagesError}</p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('remindersLegend')}</legend>
          <Field
            name="meetingReminders.days"
            label={t('reminderDays')}
            hint={t('reminderDaysHint')}
            error={reminderError}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                inputMode="numeric"
                class="short"
                value={values.reminderDays}
                onInput={(e) => set({ reminderDays: inputValue(e) })}
              />
            )}
          </Field>
          <Field
            name="meetingReminders.introducerDays"
            label={t('introducerDays')}
            error={error('meetingReminders.introducerDays')}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                min={1}
                max={60}
                class="short"
                value={values.introducerDays}
                onInput={(e) => set({ introducerDays: inputValue(e) })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('evaluationLegend')}</legend>
          {evaluationError ? <p class="field-error">{evaluationError}</p> : null}
          <Field
            name="evaluation.delayMinutes"
            label={t('delayMinutes')}
            error={error('evaluation.delayMinutes')}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                min={0}
                max={1440}
                class="short"
                value={values.delayMinutes}
                onInput={(e) => set({ delayMinutes: inputValue(e) })}
              />
            )}
          </Field>
          <Field
            name="evaluation.reminderAfterDays"
            label={t('reminderAfterDays')}
            hint={t('closeHint')}
            error={error('evaluation.reminderAfterDays')}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                min={1}
                max={30}
                class="short"
                value={values.reminderAfterDays}
                onInput={(e) => set({ reminderAfterDays: inputValue(e) })}
              />
            )}
          </Field>
          <Field
            name="evaluation.closeAfterDays"
            label={t('closeAfterDays')}
            hint={t('closeOpenHint')}
            error={error('evaluation.closeAfterDays')}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                min={2}
                max={60}
                class="short"
                value={values.closeAfterDays}
                onInput={(e) => set({ closeAfterDays: inputValue(e) })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset aria-describedby="digest-hint">
          <legend>{t('digestLegend')}</legend>
          <p class="hint" id="digest-hint">
            {t('digestHint', { zone: values.timeZone })}
          </p>
          <ul class="choices">
            {(['off', 'daily', 'weekly'] as const).map((frequency) => (
              <li key={frequency}>
                <input
                  type="radio"
                  id={`digest-${frequency}`}
                  name="digest.frequency"
                  value={frequency}
                  checked={values.digestFrequency === frequency}
                  onChange={() => set({ digestFrequency: frequency })}
                />{' '}
                <label for={`digest-${frequency}`}>
                  {t(
                    frequency === 'off'
                      ? 'digestOff'
                      : frequency === 'daily'
                        ? 'digestDaily'
                        : 'digestWeekly',
                  )}
                </label>
              </li>
            ))}
          </ul>
          {digestError ? <p class="field-error">{digestError}</p> : null}
          {values.digestFrequency === 'weekly' ? (
            <Field name="digest.weekday" label={t('weekday')} error={error('digest.weekday')}>
              {(a11y) => (
                <select
                  {...a11y}
                  value={values.digestWeekday}
                  onChange={(e) => set({ digestWeekday: (e.currentTarget as HTMLSelectElement).value })}
                >
                  {days.map((day) => (
                    <option key={day.value} value={String(day.value)}>
                      {day.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {values.digestFrequency !== 'off' ? (
            <Field name="digest.hour" label={t('hour')} error={error('digest.hour')}>
              {(a11y) => (
                <select
                  {...a11y}
                  value={values.digestHour}
                  onChange={(e) => set({ digestHour: (e.currentTarget as HTMLSelectElement).value })}
                >
                  {Array.from({ length: 24 }, (_, hour) => (
                    <option key={hour} value={String(hour)}>
                      {hourFormat.format(new Date(Date.UTC(2024, 0, 1, hour)))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </fieldset>

        {others.length > 0 ? (
          <div class="error">
            <p>{t('otherProblems')}</p>
            <ul>
              {others.map(([key, message]) => (
                <li key={key}>
                  <code>{key}</code>: {message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </form>
      <div class="actions">
        <button type="submit" form={formId} class="primary" disabled={action.busy}>
          {action.busy ? c('saving') : t('save')}
        </button>
        {changed && edited ? (
          <ConfirmButton label={t('discard')} question={t('discardQuestion')} onConfirm={discard} />
        ) : null}
      </div>
      {unchanged ? (
        <p role="status">{t('unchanged')}</p>
      ) : action.error !== undefined ? (
        <ErrorMessage error={action.error} />
      ) : props.justSaved && !edited ? (
        <p class="saved" role="status">
          {c('saved')}
        </p>
      ) : null}
    </div>
  );
}

function DigestNow(props: { networkId: string }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { api } = useApp();
  const [result, setResult] = useState<Schemas['DigestSent'] | undefined>(undefined);
  const action = useAction(async () => {
    setResult(undefined);
    setResult(
      await unwrap(
        api.POST('/v1/admin/networks/{networkId}/digest', {
          params: { path: { networkId: props.networkId } },
        }),
      ),
    );
  });
  const said =
    result === undefined
      ? undefined
      : result.sent > 0
        ? t(plural(language, result.sent, { one: 'sentOne', other: 'sentMany' }), { count: result.sent })
        : result.reason === 'nothing_to_say'
          ? t('nothingToSay')
          : result.reason === 'nothing_new'
            ? t('nothingNew')
            : t('nobody');
  return (
    <section aria-labelledby="digest-now">
      <h2 id="digest-now">{t('digestNowHeading')}</h2>
      <p>{t('digestNowText')}</p>
      <div class="actions">
        <button type="button" disabled={action.busy} onClick={() => void action.run()}>
          {action.busy ? t('sending') : t('digestNow')}
        </button>
      </div>
      {action.error !== undefined ? <ErrorMessage error={action.error} /> : null}
      {said !== undefined ? (
        <p role="status" class={result !== undefined && result.sent > 0 ? 'saved' : undefined}>
          {said}
        </p>
      ) : null}
    </section>
  );
}
