/*
 * samla-forms.js: makes samla's website forms nicer, and is never needed for them to work (README.md).
 *
 * A <form data-samla-form="interest|join|feedback"> is a plain HTML form: without this script the browser
 * posts it, and samla answers with the network's thank-you page (303) or its own receipt. With it the
 * form posts JSON, each field's problem appears beside the field in the page's language (<html lang>),
 * and the success shows in the page. When the API cannot be reached from a script (offline, or this
 * site's origin missing from allowedOrigins in cdk.json), the browser posts the form as if the script
 * were not there.
 *
 * Plain browser JavaScript, no build step: copy the file to your site.
 */
(() => {
  // The script's own words; the field messages come from samla, already in the request's language.
  const copy = {
    sv: {
      sent: 'Tack! Vi har skickat ett mejl till dig. Klicka på länken i det för att bekräfta.',
      feedback: 'Tack för ditt svar!',
      sending: 'Skickar …',
      failed: 'Något gick fel. Försök igen om en stund.',
      choose: 'Välj en grupp',
      none: 'Inga öppna grupper just nu',
      seats: (n) => (n > 0 ? `${n} ${n > 1 ? 'platser' : 'plats'} kvar` : 'fullt, kö'),
      online: 'digitalt',
      in_person: 'på plats',
      next: 'Nästa träff:',
      token: 'Länken är ofullständig. Använd länken i mejlet.',
    },
    nb: {
      sent: 'Takk! Vi har sendt deg en e-post. Klikk på lenken i den for å bekrefte.',
      feedback: 'Takk for svaret!',
      sending: 'Sender …',
      failed: 'Noe gikk galt. Prøv igjen om litt.',
      choose: 'Velg en gruppe',
      none: 'Ingen åpne grupper akkurat nå',
      seats: (n) => (n > 0 ? `${n} ${n > 1 ? 'plasser' : 'plass'} igjen` : 'fullt, kø'),
      online: 'digitalt',
      in_person: 'fysisk',
      next: 'Neste møte:',
      token: 'Lenken er ufullstendig. Bruk lenken i e-posten.',
    },
    en: {
      sent: 'Thank you! We have sent you an email. Click the link in it to confirm.',
      feedback: 'Thank you for your answer!',
      sending: 'Sending …',
      failed: 'Something went wrong. Please try again later.',
      choose: 'Choose a group',
      none: 'No open groups right now',
      seats: (n) => (n > 0 ? `${n} ${n > 1 ? 'seats' : 'seat'} left` : 'full, waitlist'),
      online: 'online',
      in_person: 'in person',
      next: 'Next meeting:',
      token: 'The link is incomplete. Use the link in the email.',
    },
  };

  const el = (tag, text) => {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  };

  // Mirrors how samla reads a plain form post (fromForm in shared/http/schemas.ts), so both posts mean
  // the same: data-json="list" gathers several fields and the lines of a textarea into a list,
  // "boolean" makes a checkbox true or false, "number" a number; an empty field is left out.
  const toJson = (form) => {
    const body = {};
    for (const field of form.elements) {
      const { name, type } = field;
      if (!name || field.disabled || type === 'submit') continue;
      const kind = field.dataset.json;
      const path = name.split('.');
      const key = path.pop();
      let target = body;
      for (const part of path) target = target[part] = target[part] || {};
      const unchecked = /^(checkbox|radio)$/.test(type) && !field.checked;
      if (kind === 'boolean') target[key] = !unchecked;
      else if (kind === 'list') {
        target[key] = target[key] || [];
        if (!unchecked) target[key].push(...field.value.split(/\r?\n/).filter((line) => line.trim()));
      } else if (!unchecked && field.value !== '')
        target[key] = kind === 'number' ? Number(field.value) : field.value;
    }
    return body;
  };

  const enhance = (form) => {
    const tag = (form.closest('[lang]')?.lang || 'sv').toLowerCase().split('-')[0];
    const lang = tag === 'no' || tag === 'nn' ? 'nb' : copy[tag] ? tag : 'en';
    const t = copy[lang];
    const kind = form.dataset.samlaForm;
    const api = (form.dataset.api || new URL(form.action).origin).replace(/\/$/, '');
    const headers = { accept: 'application/json', 'accept-language': lang };
    // In the page before anything is said in it: screen readers announce changes to live regions only.
    const status = el('div');
    status.className = 'samla-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.tabIndex = -1;
    form.before(status);
    const say = (...lines) => status.replaceChildren(...lines.map((line) => el('p', line)));

    let shown = [];
    const describe = (node, id, on) => {
      const ids = (node.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
      if (on) ids.unshift(id);
      if (ids.length) node.setAttribute('aria-describedby', ids.join(' '));
      else node.removeAttribute('aria-describedby');
    };
    const clear = () => {
      for (const [nodes, error] of shown) {
        error.remove();
        for (const node of nodes) {
          node.removeAttribute('aria-invalid');
          describe(node, error.id, false);
        }
      }
      shown = [];
    };
    // The message goes above the field, after its label and hint (or a group's legend and hint).
    const showAt = (controls, message) => {
      const first = controls[0];
      const box = first.closest('.field, fieldset') || first.parentElement;
      let before = first;
      while (before.parentElement !== box) before = before.parentElement;
      const error = el('p', message);
      error.className = 'samla-error';
      error.id = `${form.id || kind}-${first.name || first.id}-error`;
      box.insertBefore(error, before);
      for (const node of controls) {
        node.setAttribute('aria-invalid', 'true');
        describe(node, error.id, true);
      }
      shown.push([controls, error]);
    };
    // "topics.2" is the third topic: its message goes to the topics.
    const controlsFor = (key) => {
      const path = key.split('.');
      for (; path.length; path.pop()) {
        const name = path.join('.');
        const found = [...form.elements].filter((field) => field.name === name);
        if (found.length) return found;
      }
      return [];
    };
    // The first field to fix, else the message above the form, so that it scrolls into view.
    const focusFirst = () =>
      ([...form.elements].find((field) => field.getAttribute('aria-invalid')) || status).focus();

    let target = () => form.action;
    if (kind === 'join') {
      const select = form.querySelector('[data-samla-groups]');
      const hint = document.getElementById(select.getAttribute('aria-describedby'));
      const preset = (form.getAttribute('action').match(/groups\/([\w-]+)\//) || [])[1];
      const when = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
      let groups = [];
      const explain = () => {
        const group = groups.find((g) => g.id === select.value);
        const next = group?.upcomingMeetings[0];
        if (hint)
          hint.textContent = group
            ? `${group.question}${next ? ` ${t.next} ${when.format(new Date(next))}.` : ''}`
            : '';
      };
      select.addEventListener('change', explain);
      fetch(`${api}/v1/networks/${encodeURIComponent(form.dataset.network)}/groups`, { headers })
        .then((response) => (response.ok ? response.json() : Promise.reject()))
        .then((list) => {
          groups = list.groups;
          const options = groups.map((g) => {
            const option = el('option', `${g.title} (${t[g.mode]}, ${t.seats(g.seatsLeft)})`);
            option.value = g.id;
            return option;
          });
          const placeholder = el('option', groups.length ? t.choose : t.none);
          placeholder.value = '';
          select.replaceChildren(placeholder, ...options);
          if (groups.some((g) => g.id === preset)) select.value = preset;
          explain();
        })
        .catch(() => say(t.failed));
      target = () => {
        if (select.value) return `${api}/v1/groups/${encodeURIComponent(select.value)}/join-requests`;
        showAt([select], t.choose);
      };
    }
    if (kind === 'feedback') {
      const query = new URLSearchParams(location.search);
      const token = query.get('token');
      if (!token) return say(t.token);
      form.action = `${api}/v1/feedback/${encodeURIComponent(token)}`;
      // The evaluation email's ten numbers arrive as ?rating=N.
      for (const field of form.elements)
        if (field.type === 'radio' && field.value === query.get(field.name)) field.checked = true;
    }

    // What only works with the script is hidden in the page until now (the evaluation form, the group list).
    form.hidden = false;
    for (const part of form.querySelectorAll('[data-samla-js]')) part.hidden = false;
    // samla checks every field and answers in the page's language; the browser's own bubbles would not.
    form.noValidate = true;

    let busy = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (busy) return;
      clear();
      const url = target();
      if (!url) {
        say();
        return focusFirst();
      }
      busy = true;
      say(t.sending);
      let response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(toJson(form)),
        });
      } catch {
        // Not reachable from a script: the plain post needs neither CORS nor this script.
        form.action = url;
        return form.submit();
      }
      busy = false;
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        form.hidden = true;
        say(kind === 'feedback' ? t.feedback : t.sent);
        return status.focus();
      }
      const { message = t.failed, fields = {} } = answer.error || {};
      const others = [];
      for (const [key, problem] of Object.entries(fields)) {
        const controls = controlsFor(key);
        if (!controls.length) others.push(problem);
        else if (!controls[0].getAttribute('aria-invalid')) showAt(controls, problem);
      }
      say(message, ...others);
      focusFirst();
    });
  };

  for (const form of document.querySelectorAll('form[data-samla-form]')) enhance(form);
})();
