import { useRef } from 'preact/hooks';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

/**
 * A destructive action asks first, in a modal <dialog>: focus moves into it, Escape cancels, and focus
 * returns to the button afterwards (the browser's own dialog behaviour).
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel?: string;
  disabled?: boolean;
  danger?: boolean;
  onConfirm: () => unknown;
}) {
  const t = useMessages(common);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        class={props.danger === false ? '' : 'danger'}
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} aria-label={props.label}>
        <form method="dialog">
          <p>{props.question}</p>
          <div class="actions">
            <button type="submit" value="cancel" autofocus>
              {t('cancel')}
            </button>
            <button
              type="submit"
              value="confirm"
              class="danger"
              onClick={() => {
                void props.onConfirm();
              }}
            >
              {props.confirmLabel ?? t('confirm')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
